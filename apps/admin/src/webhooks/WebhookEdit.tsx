import { Edit, SimpleForm } from 'react-admin';
import { WebhookInputs } from './WebhookInputs';

export const WebhookEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <WebhookInputs />
    </SimpleForm>
  </Edit>
);
