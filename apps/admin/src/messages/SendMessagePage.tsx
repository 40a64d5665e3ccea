import { useState } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import SendIcon from '@mui/icons-material/Send';
import { useFormContext, useWatch } from 'react-hook-form';
import { useSearchParams } from 'react-router-dom';
import {
  AutocompleteInput,
  Confirm,
  HttpError,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  TextInput,
  Title,
  Toolbar,
  maxLength,
  required,
  useCanAccess,
  useNotify,
} from 'react-admin';
import { SimpleForm } from '../forms';
import type { AdminUser } from '../types';
import { initialMessage, type MessageFormValues } from './customerPages';
import { sendMessage, type MessageInput } from './messagesApi';

const roleWords: Record<string, string> = { admin: 'admin', staff: 'staff', customer: 'customer' };
const recipientOption = (user: AdminUser) => `${user.fullName || user.email}${user.fullName ? ` (${user.email})` : ''} · ${roleWords[user.role] ?? user.role}`;

const audienceChoices = [
  { id: 'all', name: 'Every customer' },
  { id: 'one', name: 'One person' },
];

/** Admins search people by name or e-mail; staff (who may not read users) type the account number. */
const RecipientInput = () => {
  const audience = useWatch<MessageFormValues, 'audience'>({ name: 'audience' });
  const { canAccess, isPending } = useCanAccess({ resource: 'users', action: 'list' });
  if (audience !== 'one' || isPending) return null;
  if (!canAccess) {
    return (
      <NumberInput
        source="userId"
        label="Account number"
        helperText="The number of the customer's account"
        step={1}
        validate={required()}
        sx={{ width: 360 }}
      />
    );
  }
  return (
    <ReferenceInput source="userId" reference="users" sort={{ field: 'fullName', order: 'ASC' }}>
      <AutocompleteInput
        label="Recipient"
        filterToQuery={(q) => ({ q })}
        optionText={recipientOption}
        helperText="Search by name, e-mail or phone"
        validate={required()}
        sx={{ width: 560, maxWidth: '100%' }}
      />
    </ReferenceInput>
  );
};

/** Sending to every customer asks first. */
const SendToolbar = ({ onSend }: { onSend: (values: MessageFormValues) => Promise<Record<string, unknown> | undefined> }) => {
  const { handleSubmit, getValues } = useFormContext<MessageFormValues>();
  const [confirming, setConfirming] = useState(false);
  const audience = useWatch<MessageFormValues, 'audience'>({ name: 'audience' });
  return (
    <Toolbar>
      {audience === 'all' ? (
        <>
          <SaveButton
            label="Send message"
            icon={<SendIcon />}
            type="button"
            onClick={(event) => {
              event.preventDefault();
              void handleSubmit(() => setConfirming(true))();
            }}
          />
          <Confirm
            isOpen={confirming}
            title="Send this message to every customer?"
            content={`“${getValues('title') ?? ''}” will appear in the notifications of every customer account.`}
            confirm="Send to everyone"
            cancel="Back"
            onConfirm={async () => {
              setConfirming(false);
              await onSend(getValues());
            }}
            onClose={() => setConfirming(false)}
          />
        </>
      ) : (
        <SaveButton label="Send message" icon={<SendIcon />} />
      )}
    </Toolbar>
  );
};

/**
 * Writes to one person, or to every customer: it arrives in their notifications and is kept in
 * Messages (docs/api.md#messages). Opened with `?userId=` (Reply, Send message), it is addressed
 * to that account.
 */
export const SendMessagePage = () => {
  const notify = useNotify();
  const [formKey, setFormKey] = useState(0);
  const [params] = useSearchParams();
  const initial = initialMessage(params);
  const replyingTo = params.get('to');

  const send = async (values: MessageFormValues): Promise<Record<string, unknown> | undefined> => {
    const message: MessageInput = { title: values.title.trim(), body: values.body.trim() };
    if (values.audience === 'one') message.userId = Number(values.userId);
    try {
      await sendMessage(message);
      notify(values.audience === 'one' ? 'Message sent.' : 'Message sent to every customer.', { type: 'success' });
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body?.errors as Record<string, unknown> | undefined) : undefined;
      if (errors) return errors;
      notify(error instanceof Error ? error.message : 'The message could not be sent.', { type: 'error' });
      return undefined;
    }
  };

  return (
    <>
      <Title title="Send a message" />
      <Card sx={{ mt: 2, maxWidth: 760 }}>
        <CardContent sx={{ pb: 0 }}>
          <Typography variant="body2" color="text.secondary">
            The message appears in the recipients’ notifications, in the shop’s app and here for staff.
          </Typography>
          {replyingTo && initial.audience === 'one' ? (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="replying-to">
              Replying to {replyingTo} (account {initial.userId})
            </Typography>
          ) : null}
        </CardContent>
        <SimpleForm
          key={`${formKey}:${params.toString()}`}
          defaultValues={initial}
          onSubmit={(values: Record<string, unknown>) => send(values as unknown as MessageFormValues)}
          toolbar={<SendToolbar onSend={send} />}
        >
          <RadioButtonGroupInput source="audience" label="To" choices={audienceChoices} />
          <RecipientInput />
          <TextInput source="title" validate={[required(), maxLength(200)]} sx={{ maxWidth: 560 }} />
          <TextInput source="body" label="Message" multiline minRows={4} validate={[required(), maxLength(5000)]} />
        </SimpleForm>
      </Card>
    </>
  );
};
