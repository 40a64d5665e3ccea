import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, DataTable, DateField, FunctionField, NumberField, useNotify, useRecordContext } from 'react-admin';
import { errorMessage } from '../common-sales/adminActions';
import { useRecordAction } from '../common-sales/useRecordAction';
import type { WebhookDelivery } from '../types';
import { deliveryStatusLooks } from './events';

export const DeliveryStatus = () => (
  <FunctionField<WebhookDelivery>
    render={(d) => <Chip size="small" color={deliveryStatusLooks[d.status].color} label={d.status} data-testid={`delivery-status-${d.id}`} />}
  />
);

/** The endpoint's answer: its status and the start of its body, or why there was none. */
export const DeliveryResponse = () => (
  <FunctionField<WebhookDelivery>
    render={(d) => (
      <Typography variant="body2" component="span" sx={{ wordBreak: 'break-word' }}>
        {d.responseStatus != null && <strong>{d.responseStatus} </strong>}
        {d.error ?? (d.responseBody ? d.responseBody.slice(0, 200) : d.status === 'pending' ? 'not sent yet' : '')}
      </Typography>
    )}
  />
);

/** Sends the delivery's event again now (same event id and body). */
export const RetryButton = () => {
  const delivery = useRecordContext<WebhookDelivery>();
  const notify = useNotify();
  const { run, pending: sending } = useRecordAction<WebhookDelivery>('webhook-deliveries');
  if (!delivery || delivery.status === 'pending') return null;
  const retry = async (event: React.MouseEvent) => {
    event.stopPropagation();
    try {
      const attempt = await run(delivery.id, 'retry');
      notify(`Attempt ${attempt.attempt} of ${attempt.eventId} is on its way`, { type: 'info' });
    } catch (error) {
      notify(errorMessage(error, 'The retry was refused'), { type: 'error' });
    }
  };
  return (
    <Button label="Retry" onClick={retry} disabled={sending}>
      <ReplayIcon />
    </Button>
  );
};

/** One row per attempt, newest first (used on an endpoint's page and as the webhook-deliveries list). */
export const DeliveryTable = ({ showWebhook = false }: { showWebhook?: boolean }) => (
  <DataTable<WebhookDelivery> rowClick={false} bulkActionButtons={false}>
    <DataTable.Col source="createdAt" label="When">
      <DateField source="createdAt" showTime />
    </DataTable.Col>
    {showWebhook && <DataTable.Col source="webhookId" label="Endpoint" />}
    <DataTable.Col source="type" label="Event" />
    <DataTable.Col source="eventId" label="Event id" disableSort>
      <FunctionField<WebhookDelivery> render={(d) => <code style={{ fontSize: 12 }}>{d.eventId}</code>} />
    </DataTable.Col>
    <DataTable.Col source="attempt" />
    <DataTable.Col source="status" disableSort>
      <DeliveryStatus />
    </DataTable.Col>
    <DataTable.Col label="Response" disableSort>
      <DeliveryResponse />
    </DataTable.Col>
    <DataTable.Col source="durationMs" label="Took (ms)" disableSort>
      <NumberField source="durationMs" emptyText="—" />
    </DataTable.Col>
    <DataTable.Col label="" disableSort>
      <RetryButton />
    </DataTable.Col>
  </DataTable>
);
