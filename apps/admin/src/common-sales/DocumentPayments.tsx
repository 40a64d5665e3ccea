import { ArrayField, DataTable, DateField, FunctionField, Labeled, TextField } from 'react-admin';
import { useIsPhone } from '../layout/phone';
import { MoneyField } from '../money';
import { UserReferenceField } from '../users/UserReferenceField';
import { paymentMethodText, type Look } from './labels';
import { StatusChip } from './StatusChip';

/** What every payment of a document has. */
interface RecordedPayment {
  id: number;
  paidAt: string;
  amount: number;
  method: string;
  recordedById: number | null;
}

export interface DocumentPaymentsProps {
  label?: string;
  /** Shown while there is none, e.g. "No payments yet." */
  empty: string;
  /** The payment's free text: `reference` (orders) or `note` (in-store sales). */
  textSource: string;
  textLabel: string;
  /** With a Status column, in these looks (payments that can be refunded). */
  statusLooks?: Record<string, Look>;
  /** "Recorded by" when no staff member recorded it, e.g. "Online (customer)". */
  recordedByEmptyText: string;
}

/**
 * The document's payments (its `payments`), oldest first, as recorded: when, how much, how, the
 * reference or note, and who recorded it. It labels itself, so <SimpleShowLayout> adds no label.
 */
export const DocumentPayments = ({ label = 'Payments', empty, textSource, textLabel, statusLooks, recordedByEmptyText }: DocumentPaymentsProps) => {
  // on a phone: when, how much and how (the reference and who recorded it are on a wider screen)
  const isPhone = useIsPhone();
  return (
    <Labeled label={label} fullWidth>
      <ArrayField source="payments">
        <DataTable<RecordedPayment> bulkActionButtons={false} rowClick={false} empty={<span>{empty}</span>} sx={{ width: '100%' }}>
          <DataTable.Col source="paidAt" label="Paid at">
            <DateField source="paidAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="amount" label="Amount" align="right">
            <MoneyField source="amount" />
          </DataTable.Col>
          <DataTable.Col source="method" label="Method">
            <FunctionField<RecordedPayment> render={(payment) => paymentMethodText(payment.method)} />
          </DataTable.Col>
          {!isPhone && (
            <DataTable.Col source={textSource} label={textLabel}>
              <TextField source={textSource} emptyText="—" />
            </DataTable.Col>
          )}
          {statusLooks && (
            <DataTable.Col source="status" label="Status">
              <StatusChip source="status" looks={statusLooks} />
            </DataTable.Col>
          )}
          {!isPhone && (
            <DataTable.Col source="recordedById" label="Recorded by">
              <UserReferenceField source="recordedById" emptyText={recordedByEmptyText} fallbackLabel="Staff" link={false} />
            </DataTable.Col>
          )}
        </DataTable>
      </ArrayField>
    </Labeled>
  );
};
// <SimpleShowLayout> labels each child unless it is a <Labeled>.
DocumentPayments.displayName = 'Labeled';
