import { Edit } from 'react-admin';
import { SimpleForm } from '../forms';
import { HistoryPanel } from '../audit-logs';
import { WebhookInputs } from './WebhookInputs';

export const WebhookEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <WebhookInputs />
    </SimpleForm>
    <HistoryPanel />
  </Edit>
);
