import { List, NumberInput, SelectInput, TextInput } from 'react-admin';
import type { WebhookDelivery } from '../types';
import { DeliveryTable } from './DeliveryLog';
import { deliveryStatusChoices } from './events';

const filters = [
  <SelectInput key="status" source="status" choices={deliveryStatusChoices} alwaysOn />,
  <NumberInput key="webhookId" source="webhookId" label="Endpoint id" />,
  <TextInput key="type" source="type" label="Event type" />,
  <TextInput key="eventId" source="eventId" label="Event id (evt_…)" />,
];

/** Every attempt to every endpoint, newest first (read only; a failed one can be sent again). */
export const WebhookDeliveryList = () => (
  <List<WebhookDelivery> filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
    <DeliveryTable showWebhook />
  </List>
);
