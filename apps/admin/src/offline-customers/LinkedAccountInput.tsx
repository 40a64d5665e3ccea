import { AccountPickerInput } from '../customer-picker';

/**
 * The customer account this in-store customer is (docs/api.md#in-store-sales, "Linking to an account"):
 * searched by name, e-mail or phone among `customers`; cleared, it unlinks (null). An account already
 * linked to another in-store customer is refused by the API (400 on userId), shown under the input.
 */
export const LinkedAccountInput = () => (
  <AccountPickerInput
    source="userId"
    label="Customer account"
    parse={(value: unknown) => (value === '' || value === undefined ? null : value)}
    helperText="The online account of this customer: its customer page then shows these sales too. Clear it to unlink."
    sx={{ width: '100%', maxWidth: 720 }}
  />
);
