import { useMemo, useState, type ReactElement } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  FieldTitle,
  InputHelperText,
  ReferenceInput,
  useGetList,
  useGetOne,
  useInput,
  type AutocompleteInputProps,
  type Validator,
} from 'react-admin';
import {
  accountOption,
  accountText,
  customerOptions,
  fieldsForPick,
  inStoreOption,
  inStoreText,
  kindHeading,
  pickedCustomer,
  type AccountRow,
  type CustomerOption,
  type InStoreRow,
} from './customerOptions';
import { useDebounced } from '../forms';

const byQuery = (q: string) => (q.trim() ? { q: q.trim() } : {});

type PickerProps = Omit<AutocompleteInputProps, 'source' | 'optionText' | 'filterToQuery'> & { source?: string };

/** A search of one resource by the API's `q`, in the width the forms give a customer. */
const SearchPickerInput = ({
  reference,
  sortField,
  optionText,
  source = 'customerId',
  label = 'Customer',
  ...rest
}: PickerProps & { reference: string; sortField: string; optionText: AutocompleteInputProps['optionText']; create?: ReactElement }) => (
  <ReferenceInput source={source} reference={reference} sort={{ field: sortField, order: 'ASC' }}>
    <AutocompleteInput label={label} optionText={optionText} filterToQuery={byQuery} sx={{ width: '100%', maxWidth: 520 }} {...rest} />
  </ReferenceInput>
);

/**
 * A customer account (`customers`: admins and staff may read it), searched by name, e-mail or
 * phone; each option shows "name · e-mail · phone".
 */
export const AccountPickerInput = ({ helperText = 'Search by name, e-mail or phone', ...rest }: PickerProps) => (
  <SearchPickerInput reference="customers" sortField="fullName" optionText={(account: AccountRow) => accountText(account)} helperText={helperText} {...rest} />
);

/**
 * An in-store customer (`offline-customers`), searched by name, phone or e-mail; each option shows
 * "name · phone · e-mail". Takes AutocompleteInput's `create` (the counter's "new customer" dialog).
 */
export const InStoreCustomerPickerInput = ({ helperText = 'Search by name, phone or e-mail', ...rest }: PickerProps & { create?: ReactElement }) => (
  <SearchPickerInput
    reference="offline-customers"
    sortField="name"
    optionText={(customer: InStoreRow) => inStoreText(customer)}
    helperText={helperText}
    {...rest}
  />
);

const SEARCH_SIZE = 10;

/** Exactly one customer: an account or an in-store customer. */
const oneCustomer: Validator = (_value, values) => (pickedCustomer(values ?? {}) ? undefined : 'Choose the customer: an account or an in-store customer');

export interface CustomerSearchInputProps {
  label?: string;
  helperText?: string;
}

/**
 * One search over both kinds of customer (SPEC 17: a booking is for an account or an in-store
 * customer, exactly one): what is typed is searched in `customers` (name, e-mail, phone) and in
 * `offline-customers` (name, phone, e-mail) at once; the options come under "Accounts" and
 * "In-store customers". A pick sets `customerId` or `offlineCustomerId` and clears the other.
 */
export const CustomerSearchInput = ({
  label = 'Customer',
  helperText = 'Search accounts and in-store customers by name, e-mail or phone',
}: CustomerSearchInputProps) => {
  const { setValue, getFieldState } = useFormContext();
  const offlineCustomerId = useWatch({ name: 'offlineCustomerId' });
  const {
    field,
    fieldState: { error },
    id,
  } = useInput({ source: 'customerId', validate: oneCustomer });
  // The API's refusal may name either field.
  const formState = useFormState({ name: 'offlineCustomerId' });
  const otherError = getFieldState('offlineCustomerId', formState).error;
  const message = error?.message ?? otherError?.message;

  const picked = pickedCustomer({ customerId: field.value, offlineCustomerId });
  const pickedKind = picked?.kind;
  const pickedId = picked?.id;
  const { data: pickedAccount } = useGetOne<AccountRow>('customers', { id: pickedId ?? 0 }, { enabled: pickedKind === 'account' });
  const { data: pickedInStore } = useGetOne<InStoreRow>('offline-customers', { id: pickedId ?? 0 }, { enabled: pickedKind === 'inStore' });
  const selected: CustomerOption | null = useMemo(() => {
    if (!pickedKind || !pickedId) return null;
    if (pickedKind === 'account' && pickedAccount?.id === pickedId) return accountOption(pickedAccount);
    if (pickedKind === 'inStore' && pickedInStore?.id === pickedId) return inStoreOption(pickedInStore);
    const title = pickedKind === 'account' ? `Account #${pickedId}` : `In-store customer #${pickedId}`;
    return { key: `${pickedKind}:${pickedId}`, kind: pickedKind, id: pickedId, title, detail: '', label: title };
  }, [pickedKind, pickedId, pickedAccount, pickedInStore]);

  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const list = { filter: byQuery(q), pagination: { page: 1, perPage: SEARCH_SIZE } };
  const accounts = useGetList<AccountRow>('customers', { ...list, sort: { field: 'fullName', order: 'ASC' } }, { enabled: open });
  const inStore = useGetList<InStoreRow>('offline-customers', { ...list, sort: { field: 'name', order: 'ASC' } }, { enabled: open });
  const options = useMemo(() => customerOptions(accounts.data, inStore.data), [accounts.data, inStore.data]);

  return (
    <Autocomplete<CustomerOption, false, false, false>
      id={id}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={selected}
      options={options}
      loading={accounts.isFetching || inStore.isFetching}
      filterOptions={(all) => all}
      groupBy={(option) => kindHeading(option.kind)}
      getOptionLabel={(option) => option.label}
      isOptionEqualToValue={(option, value) => option.key === value.key}
      noOptionsText={q ? 'No customer matches' : 'Type a name, an e-mail or a phone number'}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input') setSearch(value);
        if (reason === 'clear') setSearch('');
      }}
      onChange={(_event, option) => {
        const fields = fieldsForPick(option);
        // the other field first: the validation of customerId reads it
        setValue('offlineCustomerId', fields.offlineCustomerId, { shouldDirty: true });
        field.onChange(fields.customerId);
        field.onBlur();
      }}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props} data-customer-kind={option.kind}>
          <Stack>
            <span>{option.title}</span>
            <Typography variant="caption" color="text.secondary">
              {option.detail || '—'}
            </Typography>
          </Stack>
        </li>
      )}
      sx={{ width: '100%', maxWidth: 520 }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field.name}
          inputRef={field.ref}
          label={<FieldTitle label={label} source="customerId" isRequired />}
          error={!!message}
          helperText={<InputHelperText error={message} helperText={helperText} />}
          size="small"
          margin="dense"
        />
      )}
    />
  );
};
