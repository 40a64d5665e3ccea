import { AutocompleteInput, ReferenceInput } from 'react-admin';
import type { Customer } from '../customers/types';

/** "Maria Gonzalez · maria@example.com · +1 555 0199": enough to tell two accounts apart. */
export const customerOptionText = (customer: Customer): string =>
  [customer.fullName || customer.email, customer.email, customer.phone].filter(Boolean).join(' · ');

/**
 * The customer account this in-store customer is (docs/api.md#in-store-sales, "Linking to an account"):
 * searched by name, e-mail or phone among `customers`; cleared, it unlinks (null). An account already
 * linked to another in-store customer is refused by the API (400 on userId), shown under the input.
 */
export const LinkedAccountInput = () => (
  <ReferenceInput source="userId" reference="customers" sort={{ field: 'fullName', order: 'ASC' }}>
    <AutocompleteInput
      label="Customer account"
      filterToQuery={(q: string) => ({ q })}
      optionText={customerOptionText}
      parse={(value: unknown) => (value === '' || value === undefined ? null : value)}
      helperText="The online account of this customer: its customer page then shows these sales too. Clear it to unlink."
      sx={{ width: '100%', maxWidth: 720 }}
    />
  </ReferenceInput>
);
