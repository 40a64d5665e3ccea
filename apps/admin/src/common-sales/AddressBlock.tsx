import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useFieldValue } from 'react-admin';
import type { ShippingAddress } from './types';

/** An address as on a parcel label: one line per part, empty parts left out. */
export const AddressBlock = ({ address }: { address: Partial<Record<keyof ShippingAddress | 'email', string | null>> | null | undefined }) => {
  if (!address) return <Typography variant="body2">—</Typography>;
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  const lines = [address.name, address.line1, address.line2, cityLine, address.country, address.phone, address.email].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
  return (
    <Stack component="address" sx={{ fontStyle: 'normal' }}>
      {lines.map((line, index) => (
        <Typography key={index} variant="body2">
          {line}
        </Typography>
      ))}
    </Stack>
  );
};

/** The address a document keeps in `source` (a snapshot: ship to, bill to). */
export const AddressField = ({ source }: { source: string }) => {
  const address = useFieldValue({ source });
  return <AddressBlock address={address} />;
};
