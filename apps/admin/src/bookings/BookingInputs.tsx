import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { AutocompleteInput, DateTimeInput, NumberInput, ReferenceInput, required, useCanAccess, useGetOne, type Validator } from 'react-admin';
import { formatMoney } from '../money';
import { durationText } from '../service-types/duration';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { AdminUser, ServiceType } from '../types';

const customerOption = (user: AdminUser) => (user.fullName ? `${user.fullName} (${user.email})` : user.email);

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
 * The customer the visit is for. Admins search the customers by name, e-mail or phone; staff may
 * not read users (docs/api.md#roles), so they type the customer's number.
 */
export const CustomerInput = () => {
  const { canAccess, isPending } = useCanAccess({ resource: 'users', action: 'list' });
  if (isPending) return null;
  if (!canAccess) {
    return (
      <NumberInput
        source="customerId"
        label="Customer number"
        helperText="The customer's account number (staff cannot search customers)"
        step={1}
        validate={required()}
        sx={{ width: 360 }}
      />
    );
  }
  return (
    <ReferenceInput source="customerId" reference="users" filter={{ role: 'customer' }} sort={{ field: 'fullName', order: 'ASC' }}>
      <AutocompleteInput
        label="Customer"
        filterToQuery={(q) => ({ q })}
        optionText={customerOption}
        helperText="Search by name, e-mail or phone"
        validate={required()}
        sx={{ width: 360 }}
      />
    </ReferenceInput>
  );
};

/** Takes the customer's profile address into an empty address input once a customer is chosen (admins). */
export const AddressFromCustomer = () => {
  const customerId = useWatch({ name: 'customerId' });
  const { setValue, getValues } = useFormContext();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'show' });
  const { data: customer } = useGetOne<AdminUser>('users', { id: customerId }, { enabled: canAccess === true && customerId != null && customerId !== '' });
  useEffect(() => {
    if (customer?.address && !getValues('address')) setValue('address', customer.address, { shouldDirty: true });
  }, [customer, getValues, setValue]);
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
