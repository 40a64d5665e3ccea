import { BooleanInput, CheckboxGroupInput, TextInput, required } from 'react-admin';
import { webhookEventChoices } from './events';

const atLeastOne = (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : 'Choose at least one event');

export const WebhookInputs = () => (
  <>
    <TextInput
      source="url"
      label="URL"
      validate={required()}
      fullWidth
      helperText="https://… — must not resolve to a private address (unless the server allows it)"
    />
    <CheckboxGroupInput source="events" choices={[...webhookEventChoices]} row={false} validate={atLeastOne} />
    <TextInput source="description" fullWidth />
    <BooleanInput source="isActive" label="Active" />
  </>
);
