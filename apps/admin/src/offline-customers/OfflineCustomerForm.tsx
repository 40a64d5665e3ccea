import Stack from '@mui/material/Stack';
import { TextInput, email, maxLength, required } from 'react-admin';
import { SimpleForm, type SimpleFormProps } from '../forms';
import { DuplicatePhoneInputHint } from './DuplicatePhoneHint';
import { LinkedAccountInput } from './LinkedAccountInput';

/**
 * A walk-in customer: a name and a phone number are enough. `linkAccount` (editing) adds the customer
 * account they are linked to.
 */
export const OfflineCustomerForm = ({ linkAccount = false, ...props }: Omit<SimpleFormProps, 'children'> & { linkAccount?: boolean }) => (
  <SimpleForm sx={{ maxWidth: 720 }} {...props}>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <TextInput source="name" label="Name" validate={[required(), maxLength(200)]} />
      <TextInput source="phone" label="Phone" type="tel" validate={required()} />
      <TextInput source="email" label="E-mail" type="email" validate={email()} />
    </Stack>
    <DuplicatePhoneInputHint />
    <TextInput source="address" label="Address" multiline minRows={2} />
    <TextInput source="notes" label="Notes" multiline minRows={2} />
    {linkAccount ? <LinkedAccountInput /> : null}
  </SimpleForm>
);
