import Stack from '@mui/material/Stack';
import { TextInput, email, maxLength, required } from 'react-admin';
import { SimpleForm, type SimpleFormProps } from '../forms';

/** A supplier's details: only the name is required. */
export const SupplierForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm sx={{ maxWidth: 720 }} {...props}>
    <TextInput source="name" label="Name" validate={[required(), maxLength(200)]} />
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <TextInput source="contactName" label="Contact person" />
      <TextInput source="email" label="E-mail" type="email" validate={email()} />
      <TextInput source="phone" label="Phone" type="tel" />
    </Stack>
    <TextInput source="address" label="Address" multiline minRows={2} />
    <TextInput source="notes" label="Notes" multiline minRows={2} helperText="Terms, delivery days, account numbers…" />
  </SimpleForm>
);
