import AddCardIcon from '@mui/icons-material/AddCard';
import BlockIcon from '@mui/icons-material/Block';
import { CreateButton, ListButton, TopToolbar, useRecordContext } from 'react-admin';
import { ConfirmActionButton } from '../common-sales/ConfirmActionButton';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference, DocumentStatus } from '../common-sales/DocumentHeader';
import { DocumentLines } from '../common-sales/DocumentLines';
import { DocumentPayments } from '../common-sales/DocumentPayments';
import { DocumentShow } from '../common-sales/DocumentShow';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { counterPaymentMethodChoices, salePaymentStatusLooks, saleStatusLooks } from '../common-sales/labels';
import { RecordPaymentButton } from '../common-sales/RecordPaymentButton';
import { PdfButton } from '../common-sales/PdfButton';
import type { OfflineSale } from '../common-sales/types';
import { formatMoney } from '../money';
import { RecordReturnsAndRefunds, RefundButton, ReturnItemsButton } from '../returns';
import { useStoreCurrency } from '../settings/useStoreSettings';

/** "Add payment": records a further payment, up to the balance. */
const AddSalePaymentButton = () => {
  const sale = useRecordContext<OfflineSale>();
  if (!sale || sale.status === 'cancelled' || sale.balance <= 0) return null;
  return (
    <RecordPaymentButton<OfflineSale>
      resource="offline-sales"
      id={sale.id}
      label="Add payment"
      title="Add a payment"
      icon={<AddCardIcon />}
      subject={`Sale ${sale.number}`}
      balance={sale.balance}
      methods={counterPaymentMethodChoices}
      textField="note"
      textLabel="Note"
      textHelp="Optional, e.g. who paid or a receipt number"
      balanceAfter={(updated) => updated.balance}
      recordName="the sale"
      owedWords="still owed"
    />
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
          {sale.paidAmount > 0 && (
            <> The {formatMoney(sale.paidAmount - sale.refundedAmount, currency)} paid and not yet refunded is paid back, with a credit note.</>
          )}{' '}
          This cannot be undone.
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
      <RefundButton resource="offline-sales" subject={(record) => `Sale ${record.number}`} />
      <ReturnItemsButton />
      {sale && <PdfButton label="Receipt PDF" path={`offline-sales/${sale.id}/receipt.pdf`} fileName={`receipt-${sale.number}.pdf`} />}
      <CreateButton label="New sale" />
      <CancelSaleButton />
    </TopToolbar>
  );
};

const saleAmounts = (sale: OfflineSale): DocumentAmounts => ({
  subtotal: sale.subtotal,
  discount: sale.discount,
  discountCode: sale.couponCode,
  tax: sale.taxTotal,
  taxRateBps: sale.taxRateBps,
  total: sale.total,
  paid: sale.paidAmount,
  refunded: sale.refundedAmount,
  balance: { label: 'Balance', amount: sale.balance },
});

/** An in-store sale: customer, lines, totals, its payments, and Add payment / Receipt / Cancel. */
export const OfflineSaleShow = () => (
  <DocumentShow<OfflineSale> noun="Sale" actions={<SaleShowActions />}>
    <DocumentHeader>
      <DocumentNumber label="Sale" />
      <DocumentDate source="soldAt" label="Sold" />
      <DocumentReference label="Customer" source="customerId" reference="offline-customers" emptyText="Walk-in customer" />
      <DocumentStatus label="Status" source="status" looks={saleStatusLooks} />
      <DocumentStatus label="Payment" source="paymentStatus" looks={salePaymentStatusLooks} />
      <DocumentDate source="cancelledAt" label="Cancelled" onlyWhenSet />
    </DocumentHeader>
    <DocumentLines label="Products" thumbnails />
    <DocumentTotals<OfflineSale> amounts={saleAmounts} />
    <DocumentPayments empty="Nothing paid yet." textSource="note" textLabel="Note" recordedByEmptyText="—" />
    <RecordReturnsAndRefunds target="offlineSaleId" />
  </DocumentShow>
);
