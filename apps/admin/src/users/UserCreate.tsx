import { Create, PasswordInput, SelectInput, TextInput, email, required } from 'react-admin';
import { SimpleForm } from '../forms';
import { roleChoices } from './roles';

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ role: 'staff' }}>
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      <PasswordInput source="password" autoComplete="new-password" validate={required()} />
      <TextInput source="fullName" validate={required()} />
      <TextInput source="phone" type="tel" />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
    </SimpleForm>
  </Create>
);
