import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ForumIcon from '@mui/icons-material/Forum';
import SendIcon from '@mui/icons-material/Send';
import { Button, DataTable, DateField, LinkBase, Pagination, ReferenceManyField, useRecordContext, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { Message } from '../types';
import { customerMessagesPath, replyPath } from './customerPages';
import { DirectionChip, MessageCell, ReplyButton } from './MessageList';

/** "Send message": the "Send a message" page addressed to the record's account. */
export const SendMessageToUserButton = () => {
  const record = useRecordContext<RaRecord>();
  const navigate = useNavigate();
  if (!record) return null;
  return (
    <Button label="Send message" onClick={() => navigate(replyPath(Number(record.id)))}>
      <SendIcon />
    </Button>
  );
};

/**
 * The account's messages, both directions, newest first, each answerable, with "Send message":
 * put it inside the account's edit or show page (docs/api.md#messages).
 */
export const CustomerMessages = () => {
  const record = useRecordContext<RaRecord>();
  if (!record) return null;
  return (
    <Box component="section" aria-label="Messages" data-testid="customer-messages" sx={{ px: 2, pb: 2 }}>
      <Divider sx={{ mb: 2 }} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <ForumIcon fontSize="small" color="action" />
        <Typography variant="h6" component="h2" sx={{ fontSize: '1rem' }}>
          Messages
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button component={LinkBase} to={customerMessagesPath(Number(record.id))} label="Open in messages" />
        <SendMessageToUserButton />
      </Stack>
      <ReferenceManyField<RaRecord, Message>
        reference="messages"
        target="userId"
        sort={{ field: 'id', order: 'DESC' }}
        perPage={5}
        pagination={<Pagination rowsPerPageOptions={[5, 25]} />}
      >
        <DataTable<Message>
          rowClick={false}
          bulkActionButtons={false}
          empty={
            <Typography variant="body2" color="text.secondary">
              No messages yet.
            </Typography>
          }
        >
          <DataTable.Col source="createdAt" label="Sent">
            <DateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="direction" label="Direction" disableSort>
            <DirectionChip />
          </DataTable.Col>
          <DataTable.Col source="title" label="Message" disableSort>
            <MessageCell />
          </DataTable.Col>
          <DataTable.Col source="id" label="" align="right" disableSort>
            <ReplyButton />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};
