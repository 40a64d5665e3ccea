import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { AutocompleteInput, DateTimeInput, ReferenceInput, required, useGetOne, type Validator } from 'react-admin';
import { CustomerSearchInput, pickedCustomer } from '../customer-picker';
import { formatMoney } from '../money';
import { durationText } from '../service-types/duration';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { ServiceType } from '../types';

/** The visit must lie in the future (the API refuses a time in the past). */
export const inTheFuture: Validator = (value) => {
  if (value == null || value === '') return undefined;
  const time = new Date(String(value)).getTime();
  if (Number.isNaN(time)) return 'Enter a date and a time';
  return time <= Date.now() ? 'Choose a time in the future' : undefined;
};

/** When the visit takes place, in the browser's time zone. */
export const VisitTimeInput = () => (
  <DateTimeInput source="scheduledAt" label="Visit time" helperText="Your local time" validate={[required(), inTheFuture]} sx={{ width: 280 }} />
);

/**
 * The customer the visit is for: an account or an in-store customer, exactly one (SPEC 17), found
 * by one search over both by name, e-mail or phone (admins and staff alike).
 */
export const CustomerInput = () => <CustomerSearchInput />;

/**
 * Takes the picked customer's address (an account's profile, or the in-store customer's) into the
 * address input while it is empty or still holds the address taken from the customer picked before.
 */
export const AddressFromCustomer = () => {
  const [customerId, offlineCustomerId] = useWatch({ name: ['customerId', 'offlineCustomerId'] });
  const { setValue, getValues } = useFormContext();
  const taken = useRef<string | null>(null);
  const picked = pickedCustomer({ customerId, offlineCustomerId });
  const resource = picked?.kind === 'inStore' ? 'offline-customers' : 'customers';
  const { data: customer } = useGetOne<{ id: number; address?: string | null }>(resource, { id: picked?.id ?? 0 }, { enabled: picked != null });
  useEffect(() => {
    if (!customer?.address || customer.id !== picked?.id) return;
    const current = getValues('address');
    if (!current || current === taken.current) {
      setValue('address', customer.address, { shouldDirty: true });
      taken.current = customer.address;
    }
  }, [customer, picked?.id, getValues, setValue]);
  return null;
};

/** The bookable services, with their price and duration: what the booking will copy. */
export const ServiceTypeInput = () => {
  const currency = useStoreCurrency();
  const optionText = (service: ServiceType) => `${service.name} · ${formatMoney(service.price, currency)} · ${durationText(service.durationMinutes)}`;
  return (
    <ReferenceInput source="serviceTypeId" reference="service-types" filter={{ isActive: true }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label="Service"
        filterToQuery={(q) => ({ q })}
        optionText={optionText}
        inputText={(service: ServiceType) => service.name}
        helperText="The booking keeps this price and duration"
        validate={required()}
        sx={{ width: 360 }}
      />
    </ReferenceInput>
  );
};
