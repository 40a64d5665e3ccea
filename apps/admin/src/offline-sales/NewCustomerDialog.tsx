import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { HttpError, useCreate, useCreateSuggestionContext } from 'react-admin';
import type { OfflineCustomer } from '../common-sales/types';
import { DuplicatePhoneHint } from '../offline-customers/DuplicatePhoneHint';

/** What was typed in the customer search looks like a phone number. */
const looksLikePhone = (text: string) => /^[+\d][\d\s().-]{4,}$/.test(text.trim());

/**
 * The customer autocomplete's "Create" choice: a small dialog for a walk-in customer (name and
 * phone), prefilled with what was typed; the new customer is chosen for the sale at once.
 */
export const NewCustomerDialog = () => {
  const { filter = '', onCancel, onCreate } = useCreateSuggestionContext();
  const [create, { isPending }] = useCreate<OfflineCustomer>();
  const typedPhone = looksLikePhone(filter);
  const [name, setName] = useState(typedPhone ? '' : filter);
  const [phone, setPhone] = useState(typedPhone ? filter : '');
  const [errors, setErrors] = useState<{ name?: string; phone?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation(); // not the sale form around it
    const local = {
      name: name.trim() ? undefined : 'Enter the customer’s name',
      phone: phone.trim() ? undefined : 'Enter a phone number',
    };
    setErrors(local);
    if (local.name || local.phone) return;
    setProblem(null);
    try {
      const customer = await create('offline-customers', { data: { name: name.trim(), phone: phone.trim() } }, { returnPromise: true });
      onCreate(customer);
    } catch (error) {
      const fieldErrors = error instanceof HttpError ? (error.body?.errors as Record<string, unknown> | undefined) : undefined;
      setErrors({
        name: typeof fieldErrors?.name === 'string' ? fieldErrors.name : undefined,
        phone: typeof fieldErrors?.phone === 'string' ? fieldErrors.phone : undefined,
      });
      setProblem(error instanceof Error ? error.message : 'The customer could not be created.');
    }
  };

  return (
    <Dialog open onClose={isPending ? undefined : onCancel} fullWidth maxWidth="xs" aria-labelledby="new-customer-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="new-customer-title">New customer</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {problem && <Alert severity="error">{problem}</Alert>}
            <TextField
              name="newCustomerName"
              label="Name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={!!errors.name}
              helperText={errors.name}
              autoFocus={!typedPhone}
              required
            />
            <TextField
              name="newCustomerPhone"
              label="Phone"
              type="tel"
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
              error={!!errors.phone}
              helperText={errors.phone}
              autoFocus={typedPhone}
              required
            />
            <DuplicatePhoneHint phone={phone} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onCancel} disabled={isPending}>
            Cancel
          </MuiButton>
          <MuiButton type="submit" variant="contained" disabled={isPending}>
            Create customer
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
};
