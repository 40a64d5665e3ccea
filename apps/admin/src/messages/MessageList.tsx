import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CallMadeIcon from '@mui/icons-material/CallMade';
import CallReceivedIcon from '@mui/icons-material/CallReceived';
import ReplyIcon from '@mui/icons-material/Reply';
import SendIcon from '@mui/icons-material/Send';
import {
  AutocompleteInput,
  Button,
  DataTable,
  DateField,
  FilterButton,
  FunctionField,
  Link,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  type InputProps,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { readSession } from '../providers/session';
import type { AdminUser, Message } from '../types';
import { customerPagePath, replyPath } from './customerPages';

export const directionChoices: { id: Message['direction']; name: string }[] = [
  { id: 'from_customer', name: 'From customer' },
  { id: 'to_customer', name: 'To customer' },
];

/** "From customer" (a customer wrote to the shop) or "To customer" / "To every customer" (the shop wrote). */
export const DirectionChip = () => {
  const message = useRecordContext<Message>();
  if (!message) return null;
  const fromCustomer = message.direction === 'from_customer';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={fromCustomer ? 'secondary' : 'primary'}
      icon={fromCustomer ? <CallReceivedIcon fontSize="small" /> : <CallMadeIcon fontSize="small" />}
      label={fromCustomer ? 'From customer' : message.userId === null ? 'To every customer' : 'To customer'}
    />
  );
};

/** The customer, by name and e-mail as they were when the message was sent, linked to their page; "Every customer" for a broadcast. */
const CustomerCell = () => {
  const message = useRecordContext<Message>();
  if (!message) return null;
  if (message.userId === null) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        Every customer
      </Typography>
    );
  }
  return (
    <Stack component="span">
      <Link to={customerPagePath(readSession()?.user.role, message.userId)} aria-label={`Customer ${message.userName || message.userEmail}`}>
        {message.userName || message.userEmail}
      </Link>
      {message.userName ? (
        <Typography component="span" variant="caption" color="text.secondary">
          {message.userEmail}
        </Typography>
      ) : null}
    </Stack>
  );
};

export const MessageCell = () => (
  <FunctionField<Message>
    render={(message) => (
      <Stack component="span">
        <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
          {message.title}
        </Typography>
        <Typography component="span" variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
          {message.body}
        </Typography>
      </Stack>
    )}
  />
);

/** Answers the customer of a message (none for a message to every customer). */
export const ReplyButton = () => {
  const message = useRecordContext<Message>();
  const navigate = useNavigate();
  if (!message || message.userId === null) return null;
  const userId = message.userId;
  const reply = message.direction === 'from_customer';
  return (
    <Button
      label={reply ? 'Reply' : 'Write again'}
      aria-label={`${reply ? 'Reply to' : 'Write again to'} ${message.userName || message.userEmail}`}
      onClick={(event) => {
        event.stopPropagation();
        navigate(replyPath(userId, message.title, message.userName || message.userEmail));
      }}
    >
      <ReplyIcon />
    </Button>
  );
};

/** Admins pick the customer by name; staff (who may not read users) type the account number. */
const CustomerFilterInput = (props: Omit<InputProps, 'source'> & { source: string }) => {
  const { canAccess, isPending } = useCanAccess({ resource: 'users', action: 'list' });
  if (isPending) return null;
  if (!canAccess) return <NumberInput {...props} label="Account number" step={1} />;
  return (
    <ReferenceInput source={props.source} reference="users" filter={{ role: 'customer' }}>
      <AutocompleteInput label="Customer" filterToQuery={(q) => ({ q })} optionText={(u: AdminUser) => u.fullName || u.email} sx={{ minWidth: 260 }} />
    </ReferenceInput>
  );
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="direction" source="direction" label="Direction" choices={directionChoices} alwaysOn />,
  <CustomerFilterInput key="userId" source="userId" label="Customer" />,
];

const MessageListActions = () => {
  const navigate = useNavigate();
  return (
    <TopToolbar>
      <FilterButton />
      <Button label="Send a message" onClick={() => navigate('/messages/new')}>
        <SendIcon />
      </Button>
    </TopToolbar>
  );
};

/**
 * Messages sent and received (docs/api.md#messages): the customers' to the shop and the shop's to
 * them, newest first; a message to every customer is one row. Each names its customer, linked to
 * their page, and can be answered.
 */
export const MessageList = () => (
  <List<Message> title="Messages" filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false} actions={<MessageListActions />}>
    <DataTable<Message> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="createdAt" label="Sent">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="direction" label="Direction" disableSort>
        <DirectionChip />
      </DataTable.Col>
      <DataTable.Col source="userId" label="Customer" disableSort>
        <CustomerCell />
      </DataTable.Col>
      <DataTable.Col source="title" label="Message" disableSort>
        <MessageCell />
      </DataTable.Col>
      <DataTable.Col source="id" label="" align="right" disableSort>
        <ReplyButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
