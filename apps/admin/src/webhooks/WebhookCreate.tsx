import { useState } from 'react';
import { Create, useRedirect } from 'react-admin';
import { SimpleForm } from '../forms';
import { SecretOnce } from '../integrations/SecretOnce';
import type { CreatedWebhook } from '../types';
import { WebhookInputs } from './WebhookInputs';

/** Creates an endpoint, then shows its signing secret once before opening it. */
export const WebhookCreate = () => {
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const redirect = useRedirect();
  if (created) {
    return (
      <SecretOnce
        title={`Signing secret of ${created.url}`}
        secret={created.secret}
        usage="Your endpoint checks Chance-Signature with it: t=<unix seconds>,v1=<hex HMAC-SHA256 of “<t>.<body>”> (docs/api.md, “Verifying a signature”)."
        onDone={() => redirect('show', 'webhooks', created.id)}
      />
    );
  }
  return (
    <Create<CreatedWebhook> mutationOptions={{ onSuccess: (hook) => setCreated(hook) }} redirect={false}>
      <SimpleForm defaultValues={{ isActive: true, events: ['order.placed'] }}>
        <WebhookInputs />
      </SimpleForm>
    </Create>
  );
};
