import ForumIcon from '@mui/icons-material/Forum';
import SendIcon from '@mui/icons-material/Send';
import type { ResourceProps } from 'react-admin';
import type { Message } from '../types';
import { MessageList } from './MessageList';

export { SendMessagePage } from './SendMessagePage';
export { CustomerMessages } from './CustomerMessages';

/** The `messages` resource (docs/api.md#messages): sent and received, read only; writing is the "Send a message" page. */
export const messages = {
  name: 'messages',
  list: MessageList,
  icon: ForumIcon,
  recordRepresentation: (record: Message) => record.title,
} satisfies ResourceProps;

/** The custom route of the "Send a message" page, and its menu entry. */
export const sendMessageRoute = { path: '/messages/new', resource: 'messages', icon: SendIcon } as const;
