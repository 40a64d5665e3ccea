import SendIcon from '@mui/icons-material/Send';
import {
  BooleanField,
  Button,
  DateField,
  EditButton,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { errorMessage } from '../common-sales/adminActions';
import { useRecordAction } from '../common-sales/useRecordAction';
import type { Webhook, WebhookDelivery } from '../types';
import { DeliveryTable } from './DeliveryLog';
import { EventChips } from './WebhookList';

/** Sends a `ping` event to the endpoint, whatever it subscribes to. */
const PingButton = () => {
  const hook = useRecordContext<Webhook>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { run, pending: sending } = useRecordAction<WebhookDelivery>('webhooks');
  if (!hook) return null;
  const ping = async () => {
    try {
      const attempt = await run(hook.id, 'ping');
      notify(`Ping ${attempt.eventId} sent: its outcome shows in the delivery log`, { type: 'info' });
      // the attempt is sent in the background: show its outcome once it is in
      window.setTimeout(refresh, 1500);
    } catch (error) {
      notify(errorMessage(error, 'The ping was refused'), { type: 'error' });
    }
  };
  return (
    <Button label="Ping" onClick={ping} disabled={sending}>
      <SendIcon />
    </Button>
  );
};

const Actions = () => (
  <TopToolbar>
    <PingButton />
    <EditButton />
  </TopToolbar>
);

export const WebhookShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="url" label="URL" />
      <TextField source="description" emptyText="—" />
      <Labeled label="Events">
        <EventChips />
      </Labeled>
      <BooleanField source="isActive" label="Active" />
      <DateField source="failingSince" label="Failing since" showTime emptyText="— (the last attempt succeeded)" />
      <DateField source="deactivatedAt" label="Deactivated (24 h of failures)" showTime emptyText="—" />
      <DateField source="createdAt" label="Created" showTime />
      <Labeled label="Delivery log" fullWidth>
        <ReferenceManyField reference="webhook-deliveries" target="webhookId" sort={{ field: 'id', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
          <DeliveryTable />
        </ReferenceManyField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
