import Stack from '@mui/material/Stack';
import { BooleanInput, NumberInput, SaveButton, TextInput, Toolbar, maxLength, maxValue, minValue, required, type Validator } from 'react-admin';
import { SimpleForm, type SimpleFormProps } from '../forms';
import { MoneyInput } from '../money';

const wholeNumber: Validator = (value) => (value == null || Number.isSafeInteger(value) ? undefined : 'Enter a whole number');
const notNegative: Validator = (value) => (typeof value === 'number' && value < 0 ? 'Must not be negative' : undefined);
const keepText = (value: string) => value ?? '';

/** Service types are never deleted (bookings point at them): deactivate one instead. */
const ServiceTypeToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** A service the shop books (Electrician, Plumber, ...): its price and how long a visit takes. */
export const ServiceTypeForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm toolbar={<ServiceTypeToolbar />} sx={{ maxWidth: 640 }} {...props}>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%', alignItems: 'center' }}>
      <TextInput source="name" validate={[required(), maxLength(200)]} sx={{ flex: 1 }} />
      <BooleanInput source="isActive" label="Bookable" helperText={false} />
    </Stack>
    <TextInput source="description" multiline minRows={2} validate={maxLength(2000)} parse={keepText} />
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <MoneyInput source="price" helperText="What a visit costs the customer" validate={[required(), notNegative]} sx={{ width: 240 }} />
      <NumberInput
        source="durationMinutes"
        label="Duration (minutes)"
        helperText="How long a visit takes"
        step={15}
        validate={[required(), wholeNumber, minValue(1), maxValue(24 * 60)]}
        sx={{ width: 240 }}
      />
    </Stack>
  </SimpleForm>
);
