import { useState } from 'react';
import Stack from '@mui/material/Stack';
import AddCardIcon from '@mui/icons-material/AddCard';
import BlockIcon from '@mui/icons-material/Block';
import {
  ArrayField,
  Button,
  CreateButton,
  DataTable,
  DateField,
  FunctionField,
  Labeled,
  ListButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { postAction } from '../common-sales/adminActions';
import { ConfirmActionButton } from '../common-sales/ConfirmActionButton';
import { paymentMethodText, salePaymentStatusLooks, saleStatusLooks } from '../common-sales/labels';
import { PaymentDialog, type PaymentValues } from '../common-sales/PaymentDialog';
import { PdfButton } from '../common-sales/PdfButton';
import { SnapshotLines } from '../common-sales/SnapshotLines';
import { StatusChip } from '../common-sales/StatusChip';
import { TotalsTable } from '../common-sales/TotalsTable';
import type { OfflineSale, SalePayment } from '../common-sales/types';
import { MoneyField, basisPointsToPercent, formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { UserReferenceField } from '../users/UserReferenceField';
import { HistoryPanel } from '../audit-logs';

const SaleTitle = () => {
  const sale = useRecordContext<OfflineSale>();
  return <span>{sale ? `Sale ${sale.number}` : 'Sale'}</span>;
};

/** "Add payment": records a further payment, up to the balance. */
const AddSalePaymentButton = () => {
  const sale = useRecordContext<OfflineSale>();
  const currency = useStoreCurrency();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!sale || sale.status === 'cancelled' || sale.balance <= 0) return null;

  const record = async ({ amount, method, text }: PaymentValues) => {
    const updated = await postAction<OfflineSale>('offline-sales', sale.id, 'payments', {
      amount,
      method,
      ...(text ? { note: text } : {}),
    });
    notify(
      updated.balance > 0
        ? `Payment of ${formatMoney(amount, currency)} recorded; ${formatMoney(updated.balance, currency)} still owed.`
        : `Payment of ${formatMoney(amount, currency)} recorded; the sale is paid in full.`,
      { type: 'success' },
    );
    refresh();
  };

  return (
    <>
      <Button label="Add payment" onClick={() => setOpen(true)}>
        <AddCardIcon />
      </Button>
      {open && (
        <PaymentDialog
          title="Add a payment"
          subject={`Sale ${sale.number}`}
          balance={sale.balance}
          currency={currency}
          textLabel="Note"
          textHelp="Optional, e.g. who paid or a receipt number"
          onSubmit={record}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

const CancelSaleButton = () => {
  const sale = useRecordContext<OfflineSale>();
  const currency = useStoreCurrency();
  if (!sale || sale.status === 'cancelled') return null;
  return (
    <ConfirmActionButton<OfflineSale>
      resource="offline-sales"
      action="cancel"
      label="Cancel sale"
      icon={<BlockIcon />}
      danger
      title={`Cancel sale ${sale.number}?`}
      content={
        <>
          Its products go back into stock and the customer no longer owes its balance.
          {sale.paidAmount > 0 && <> The {formatMoney(sale.paidAmount, currency)} already paid is not refunded automatically.</>} This cannot be undone.
        </>
      }
      confirmLabel="Cancel sale"
      success={(updated) => `Sale ${updated.number} is cancelled.`}
    />
  );
};

const SaleShowActions = () => {
  const sale = useRecordContext<OfflineSale>();
  return (
    <TopToolbar>
      <ListButton />
      <AddSalePaymentButton />
      {sale && <PdfButton label="Receipt PDF" path={`offline-sales/${sale.id}/receipt.pdf`} fileName={`receipt-${sale.number}.pdf`} />}
      <CreateButton label="New sale" />
      <CancelSaleButton />
    </TopToolbar>
  );
};

const SaleTotals = () => {
  const sale = useRecordContext<OfflineSale>();
  if (!sale) return null;
  return (
    <TotalsTable
      rows={[
        { label: 'Subtotal', amount: sale.subtotal },
        { label: 'Discount', amount: -sale.discount, hideZero: true },
        { label: `Tax (${basisPointsToPercent(sale.taxRateBps)} %)`, amount: sale.taxTotal },
        { label: 'Total', amount: sale.total, strong: true },
        { label: 'Paid', amount: sale.paidAmount },
        { label: 'Balance', amount: sale.balance, strong: true },
      ]}
    />
  );
};

const SalePayments = () => (
  <ArrayField source="payments">
    <DataTable<SalePayment> bulkActionButtons={false} rowClick={false} empty={<span>Nothing paid yet.</span>} sx={{ width: '100%' }}>
      <DataTable.Col source="paidAt" label="Paid at">
        <DateField source="paidAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="amount" label="Amount" align="right">
        <MoneyField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="method" label="Method">
        <FunctionField<SalePayment> render={(payment) => paymentMethodText(payment.method)} />
      </DataTable.Col>
      <DataTable.Col source="note" label="Note">
        <TextField source="note" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="recordedById" label="Recorded by">
        <UserReferenceField source="recordedById" emptyText="—" fallbackLabel="Staff" link={false} />
      </DataTable.Col>
    </DataTable>
  </ArrayField>
);

/** An in-store sale: customer, lines, totals, its payments, and Add payment / Receipt / Cancel. */
export const OfflineSaleShow = () => (
  <Show<OfflineSale> title={<SaleTitle />} actions={<SaleShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="Sale">
          <TextField source="number" sx={{ fontWeight: 600 }} />
        </Labeled>
        <Labeled label="Sold">
          <DateField source="soldAt" showTime />
        </Labeled>
        <Labeled label="Customer">
          <ReferenceField source="customerId" reference="offline-customers" link="show" />
        </Labeled>
        <Labeled label="Status">
          <StatusChip source="status" looks={saleStatusLooks} />
        </Labeled>
        <Labeled label="Payment">
          <StatusChip source="paymentStatus" looks={salePaymentStatusLooks} />
        </Labeled>
        <FunctionField<OfflineSale>
          render={(sale) =>
            sale.cancelledAt ? (
              <Labeled label="Cancelled">
                <DateField source="cancelledAt" showTime />
              </Labeled>
            ) : null
          }
        />
      </Stack>
      <Labeled label="Products" fullWidth>
        <SnapshotLines />
      </Labeled>
      <SaleTotals />
      <Labeled label="Payments" fullWidth>
        <SalePayments />
      </Labeled>
    </SimpleShowLayout>
    <HistoryPanel />
  </Show>
);
