import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import InputAdornment from '@mui/material/InputAdornment';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import {
  AccessDenied,
  CanAccess,
  HttpError,
  NumberInput,
  SaveButton,
  TextInput,
  Title,
  Toolbar,
  maxLength,
  maxValue,
  minValue,
  regex,
  required,
  useDataProvider,
  useNotify,
} from 'react-admin';
import { SimpleForm } from '../forms';
import { HistoryPanel } from '../audit-logs';
import { basisPointsToPercent, percentToBasisPoints } from '../money/rates';
import { changedFields } from '../providers/changes';
import type { ChanceDataProvider } from '../providers/dataProvider';
import type { StoreSettings } from '../types';
import { useSetStoreSettings, useStoreSettings } from './useStoreSettings';

/** What the form edits: the tax rate as a percentage text ("15.00"), the rest as stored. */
interface SettingsFormValues {
  id: 'settings';
  storeName: string;
  currency: string;
  taxRatePercent: string;
  lowStockThreshold: number;
  returnWindowDays: number;
  legalName: string;
  address: string;
  taxId: string;
  email: string;
  phone: string;
  invoiceFooter: string;
}

const SELLER_FIELDS = ['legalName', 'address', 'taxId', 'email', 'phone', 'invoiceFooter'] as const;

export function toFormValues(settings: StoreSettings): SettingsFormValues {
  return {
    id: 'settings',
    storeName: settings.storeName,
    currency: settings.currency,
    taxRatePercent: basisPointsToPercent(settings.taxRateBps),
    lowStockThreshold: settings.lowStockThreshold,
    returnWindowDays: settings.returnWindowDays,
    legalName: settings.legalName,
    address: settings.address,
    taxId: settings.taxId,
    email: settings.email,
    phone: settings.phone,
    invoiceFooter: settings.invoiceFooter,
  };
}

/** The values to store (basis points, upper-case currency) from what the user typed. */
export function fromFormValues(values: SettingsFormValues): StoreSettings {
  const taxRateBps = percentToBasisPoints(String(values.taxRatePercent ?? ''));
  if (taxRateBps == null) throw new RangeError('invalid tax rate');
  return {
    storeName: String(values.storeName ?? '').trim(),
    currency: String(values.currency ?? '')
      .trim()
      .toUpperCase(),
    taxRateBps,
    lowStockThreshold: values.lowStockThreshold,
    returnWindowDays: values.returnWindowDays,
    ...(Object.fromEntries(SELLER_FIELDS.map((field) => [field, String(values[field] ?? '').trim()])) as Pick<StoreSettings, (typeof SELLER_FIELDS)[number]>),
  };
}

const validatePercent = (value: unknown) => {
  const bps = percentToBasisPoints(String(value ?? ''));
  if (bps == null) return 'Enter a percentage with at most two decimals, e.g. 15 or 7.25';
  if (bps > 10_000) return 'The tax rate cannot exceed 100 %';
  return undefined;
};

const validateWholeNumber = (value: unknown) => (value == null || Number.isSafeInteger(value) ? undefined : 'Enter a whole number');

/** API field names → form input names, for server-side validation messages. */
const formFieldOf: Record<string, string> = { taxRateBps: 'taxRatePercent' };

const SettingsToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const SettingsForm = ({ settings }: { settings: StoreSettings }) => {
  const dataProvider = useDataProvider<ChanceDataProvider>();
  const setStoreSettings = useSetStoreSettings();
  const notify = useNotify();
  const record = useMemo(() => toFormValues(settings), [settings]);

  const save = async (values: Record<string, unknown>) => {
    const changes = changedFields(fromFormValues(values as unknown as SettingsFormValues), settings);
    if (Object.keys(changes).length === 0) {
      notify('Nothing to save.', { type: 'info' });
      return undefined;
    }
    try {
      const saved = await dataProvider.updateSettings(changes);
      setStoreSettings(saved);
      notify('Settings saved.', { type: 'success' });
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body?.errors as Record<string, unknown> | undefined) : undefined;
      if (errors) {
        // Shown under the inputs; `root.serverError` (the API message) goes to the notification.
        return Object.fromEntries(Object.entries(errors).map(([field, message]) => [formFieldOf[field] ?? field, message]));
      }
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  return (
    <SimpleForm record={record} onSubmit={save} toolbar={<SettingsToolbar />} sx={{ maxWidth: 520 }}>
      <TextInput source="storeName" label="Store name" validate={[required(), maxLength(200)]} />
      <TextInput
        source="currency"
        label="Currency"
        helperText="ISO 4217 code, e.g. USD"
        validate={[required(), regex(/^[A-Za-z]{3}$/, 'Enter a three-letter currency code')]}
      />
      <TextInput
        source="taxRatePercent"
        label="Tax rate"
        helperText="Applies to new orders and in-store sales only"
        validate={[required(), validatePercent]}
        slotProps={{ input: { endAdornment: <InputAdornment position="end">%</InputAdornment> } }}
      />
      <NumberInput
        source="lowStockThreshold"
        label="Low-stock threshold"
        helperText="Variants at or below this stock count as low"
        step={1}
        validate={[required(), validateWholeNumber, minValue(0)]}
      />
      <NumberInput
        source="returnWindowDays"
        label="Return window (days)"
        helperText="Customers may ask to return a delivered order for this many days; staff take returns at any time"
        step={1}
        validate={[required(), validateWholeNumber, minValue(0), maxValue(3650)]}
      />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        The seller, as invoices and credit notes print it
      </Typography>
      <TextInput source="legalName" label="Legal name" helperText="Default: the store name" validate={maxLength(200)} />
      <TextInput source="address" label="Address" multiline validate={maxLength(1000)} />
      <TextInput source="taxId" label="Tax number" validate={maxLength(100)} />
      <TextInput source="email" label="E-mail" type="email" validate={maxLength(254)} />
      <TextInput source="phone" label="Phone" validate={maxLength(50)} />
      <TextInput source="invoiceFooter" label="Footer of invoices and credit notes" multiline validate={maxLength(2000)} />
    </SimpleForm>
  );
};

const SettingsContent = () => {
  const { data, error, isPending } = useStoreSettings();
  if (isPending) return <CircularProgress sx={{ m: 4 }} />;
  if (error || !data) {
    return (
      <CardContent>
        <Typography color="error">The settings could not be loaded{error instanceof Error ? `: ${error.message}` : '.'}</Typography>
      </CardContent>
    );
  }
  return <SettingsForm settings={data} />;
};

/** Store settings (docs/api.md#money-and-rates): admins only. */
export const SettingsPage = () => (
  <CanAccess resource="settings" action="edit" accessDenied={<AccessDenied />}>
    <Title title="Store settings" />
    <Card sx={{ mt: 2 }}>
      <SettingsContent />
      {/* The settings are one record: "settings:1" in the audit log. */}
      <HistoryPanel resource="settings" id={1} />
    </Card>
  </CanAccess>
);
