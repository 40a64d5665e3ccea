import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import { Button, useCreate, useGetList, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { FormDialog } from '../common-sales/FormDialog';
import { TotalsTable } from '../common-sales/TotalsTable';
import type { OfflineSale, Order, Return } from '../common-sales/types';
import { formatMoney } from '../money';
import { basisPointsToPercent } from '../money/rates';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { canReturn, previewReturn } from './returnRules';

type Returnable = Order | OfflineSale;
const isOrder = (record: Returnable): record is Order => 'shippingTotal' in record;

/**
 * Staff take goods back (phone, counter — an online order returned at the counter — or an in-store
 * sale): how many of each line, and why. Before confirming, the dialog shows the return's amounts
 * and what its refund will give back, computed with the API's own rule over the record's other
 * returns; the return is made `approved` and its page opens (receive, then refund).
 */
const ReturnItemsDialog = ({ record, onClose }: { record: Returnable; onClose: () => void }) => {
  const currency = useStoreCurrency();
  const notify = useNotify();
  const redirect = useRedirect();
  const [create] = useCreate<Return, Error, Return>();
  const filter = isOrder(record) ? { orderId: record.id } : { offlineSaleId: record.id };
  const { data: returns, isPending } = useGetList<Return>('returns', { filter, pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } });
  const [quantities, setQuantities] = useState<Map<number, number>>(new Map());
  const [reason, setReason] = useState('');
  const preview = useMemo(() => previewReturn(record, returns ?? [], quantities), [record, returns, quantities]);
  const tooMany = record.lines.some((line) => (quantities.get(line.id) ?? 0) > (preview.returnable.get(line.id) ?? 0));

  const submit = async () => {
    const lines = [...quantities]
      .filter(([, quantity]) => quantity > 0)
      .map(([lineId, quantity]) => ({ lineId, quantity, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
    if (lines.length === 0 || tooMany) return false;
    await create(
      'returns',
      { data: { ...filter, lines } as unknown as Partial<Return> },
      {
        returnPromise: true,
        onSuccess: (made) => {
          notify(`Return ${made.number} made: receive the goods, then refund ${formatMoney(made.refundAmount ?? 0, currency)}.`, { type: 'success' });
          redirect('show', 'returns', made.id);
        },
      },
    );
  };

  const figures = preview.figures;
  return (
    <FormDialog
      id="return-dialog"
      title={`Return items of ${record.number}`}
      maxWidth="md"
      submitLabel="Make the return"
      submitDisabled={!figures || tooMany}
      failure="The return could not be made."
      onSubmit={submit}
      onClose={onClose}
    >
      <Table size="small" aria-label="Lines to return">
        <TableHead>
          <TableRow>
            <TableCell>Product</TableCell>
            <TableCell align="right">Unit price</TableCell>
            <TableCell align="right">Sold</TableCell>
            <TableCell align="right">Returnable</TableCell>
            <TableCell align="right">Return</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {record.lines.map((line) => {
            const left = preview.returnable.get(line.id) ?? 0;
            const wanted = quantities.get(line.id) ?? 0;
            return (
              <TableRow key={line.id}>
                <TableCell>
                  {line.productName}
                  <Typography variant="caption" component="div" color="text.secondary">
                    {line.sku}
                  </Typography>
                </TableCell>
                <TableCell align="right">{formatMoney(line.unitPrice, currency)}</TableCell>
                <TableCell align="right">{line.quantity}</TableCell>
                <TableCell align="right">{isPending ? '…' : left}</TableCell>
                <TableCell align="right" sx={{ width: 120 }}>
                  <TextField
                    type="number"
                    size="small"
                    value={wanted}
                    disabled={isPending || left === 0}
                    error={wanted > left}
                    slotProps={{ htmlInput: { min: 0, max: left, step: 1, 'aria-label': `Return of ${line.productName} (${line.sku})` } }}
                    onChange={(event) => {
                      const value = Math.max(0, Math.floor(Number(event.target.value) || 0));
                      setQuantities((current) => new Map(current).set(line.id, value));
                    }}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <TextField name="reason" label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} helperText="Optional: why it comes back" />
      {figures && !tooMany && (
        <div data-testid="return-preview">
          <TotalsTable
            currency={currency}
            label="The return"
            rows={[
              { label: 'Subtotal', amount: figures.subtotal },
              { label: 'Discount', amount: -figures.discountTotal, hideZero: true },
              { label: 'Shipping', amount: figures.shippingTotal, hideZero: true },
              { label: `Tax (${basisPointsToPercent(record.taxRateBps)} %)`, amount: figures.taxTotal },
              { label: 'Total', amount: figures.total, strong: true },
              { label: 'To refund', amount: preview.refund, strong: true },
            ]}
          />
          {figures.completes && (
            <Typography variant="caption" color="text.secondary">
              This return brings back every unit: it takes the rest of each amount, shipping included.
            </Typography>
          )}
        </div>
      )}
      {tooMany && <Alert severity="warning">More than is left to return of a line.</Alert>}
    </FormDialog>
  );
};

/** "Return items" on an order (shipped or delivered) or a completed in-store sale. */
export const ReturnItemsButton = () => {
  const record = useRecordContext<Returnable>();
  const [open, setOpen] = useState(false);
  if (!record || !canReturn(record)) return null;
  return (
    <>
      <Button label="Return items" onClick={() => setOpen(true)}>
        <AssignmentReturnIcon />
      </Button>
      {open && <ReturnItemsDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
};
