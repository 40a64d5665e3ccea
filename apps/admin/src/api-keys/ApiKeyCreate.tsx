import { useState } from 'react';
import { Create, DateTimeInput, SelectInput, TextInput, required, useRedirect } from 'react-admin';
import { SimpleForm } from '../forms';
import { SecretOnce } from '../integrations/SecretOnce';
import type { CreatedApiKey } from '../types';
import { apiKeyRoleChoices, apiKeyRoleText } from './roles';

/** Creates a key, then shows its secret once (with a copy button) before going back to the list. */
export const ApiKeyCreate = () => {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const redirect = useRedirect();
  if (created) {
    return (
      <SecretOnce
        title={`API key “${created.name}” (${apiKeyRoleText(created.role)})`}
        secret={created.secret}
        usage="Send it as Authorization: Bearer <key> to the admin API (/api/admin/…). It acts with its role until it expires or you revoke it."
        onDone={() => redirect('list', 'api-keys')}
      />
    );
  }
  return (
    <Create<CreatedApiKey> mutationOptions={{ onSuccess: (key) => setCreated(key) }} redirect={false}>
      <SimpleForm defaultValues={{ role: 'read_only' }}>
        <TextInput source="name" validate={required()} helperText="What uses it, e.g. “ERP sync”" />
        <SelectInput source="role" choices={apiKeyRoleChoices} validate={required()} />
        <DateTimeInput source="expiresAt" label="Expires (optional)" helperText="Empty: it works until revoked" />
      </SimpleForm>
    </Create>
  );
};
