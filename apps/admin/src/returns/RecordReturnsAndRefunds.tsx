import Stack from '@mui/material/Stack';
import { Labeled, ReferenceManyField } from 'react-admin';
import type { Refund, Return } from '../common-sales/types';
import { RefundTable } from '../refunds/RefundTable';
import { ReturnTable } from './ReturnList';

/**
 * Under an order or an in-store sale: its returns (each opens its page) and every refund given
 * on it, with its credit note.
 */
export const RecordReturnsAndRefunds = ({ target }: { target: 'orderId' | 'offlineSaleId' | 'bookingId'; label?: string }) => (
  <Stack spacing={2} sx={{ width: '100%' }}>
    {target !== 'bookingId' && (
      <Labeled label="Returns" fullWidth>
        <ReferenceManyField<Return> reference="returns" target={target} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
          <ReturnTable empty={<span>No returns.</span>} />
        </ReferenceManyField>
      </Labeled>
    )}
    <Labeled label="Refunds" fullWidth>
      <ReferenceManyField<Refund> reference="refunds" target={target} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
        <RefundTable empty={<span>No refunds.</span>} />
      </ReferenceManyField>
    </Labeled>
  </Stack>
);
// <SimpleShowLayout> labels each child unless it is a <Labeled>.
RecordReturnsAndRefunds.displayName = 'Labeled';
