import SendIcon from '@mui/icons-material/Send';

export { SendMessagePage } from './SendMessagePage';

/** The custom route of the "Send a message" page, and its menu entry. */
export const sendMessageRoute = { path: '/messages/new', resource: 'messages', icon: SendIcon } as const;
