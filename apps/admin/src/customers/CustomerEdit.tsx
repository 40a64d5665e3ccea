import { Edit, SaveButton, TextInput, Toolbar, maxLength } from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import { SimpleForm } from '../forms';
import { CustomerTitle } from './CustomerShow';
import type { Customer } from './types';

/** Notes are kept, never deleted: no delete button. */
const NotesToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * The staff's notes on a customer: the one field written here (`PUT /api/admin/customers/:id {notes}`,
 * audited); profile, role and password stay on the account (users, admins only). An emptied note is
 * cleared (null).
 */
export const CustomerEdit = () => (
  <Edit<Customer>
    mutationMode="pessimistic"
    redirect="show"
    title={<CustomerTitle prefix="Notes on " />}
    transform={({ notes }: Partial<Customer>) => ({ notes: notes?.trim() ? notes : null })}
  >
    <SimpleForm sx={{ maxWidth: 720 }} toolbar={<NotesToolbar />}>
      <TextInput source="notes" label="Notes" multiline minRows={4} validate={maxLength(5000)} helperText="For the staff only: the customer never sees them." />
    </SimpleForm>
    <HistoryPanel />
  </Edit>
);
