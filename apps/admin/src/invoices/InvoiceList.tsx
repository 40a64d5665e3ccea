import { DataTable, DateField, FunctionField, List, ReferenceField, SearchInput, SelectInput, TextField, SimpleList } from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { choicesOf, orderPaymentStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import { StatusChip } from '../common-sales/StatusChip';
import type { Invoice } from '../common-sales/types';
import { MoneyField } from '../money';
import { ExportingListActions } from '../common-sales/ServerExportButton';
import { PhoneOr, Tertiary } from '../layout/phone';

const invoiceFilters = [
  <SearchInput key="q" source="q" placeholder="Invoice, order, name or e-mail" alwaysOn />,
  <SelectInput key="paymentStatus" source="paymentStatus" label="Payment status" choices={choicesOf(orderPaymentStatusLooks)} alwaysOn />,
  ...dateRangeFilters('issuedAt', { from: 'Issued from', until: 'Issued until' }),
];

/** Who the invoice is made out to: the name, with the e-mail beneath. */
export const BillToField = (_props: { label?: string }) => (
  <FunctionField<Invoice>
    render={(invoice) => (
      <span>
        {invoice.billTo?.name ?? '—'}
        {invoice.billTo?.email ? (
          <>
            <br />
            <small style={{ opacity: 0.7 }}>{invoice.billTo.email}</small>
          </>
        ) : null}
      </span>
    )}
  />
);

/** What the invoice is for: its order, or the completed booking a service invoice was issued on. */
const InvoiceSourceField = (_props: { label?: string }) => (
  <FunctionField<Invoice>
    render={(invoice) =>
      invoice.bookingId != null ? (
        <ReferenceField source="bookingId" reference="bookings" link="show" />
      ) : (
        <ReferenceField source="orderId" reference="orders" link="show" />
      )
    }
  />
);

const InvoicePdfCell = (_props: { label?: string }) => (
  <FunctionField<Invoice> render={(invoice) => <PdfButton path={`invoices/${invoice.id}/pdf`} fileName={`${invoice.number}.pdf`} />} />
);

/** Customer invoices (read only): one per order or completed booking, numbered without gaps (docs/api.md#orders-payments-and-invoices). */
export const InvoiceList = () => (
  <List<Invoice> filters={invoiceFilters} sort={{ field: 'issuedAt', order: 'DESC' }} perPage={25} exporter={false} actions={<ExportingListActions />}>
    <PhoneOr
      phone={
        <SimpleList<Invoice>
          rowClick="show"
          primaryText={(invoice) => invoice.number}
          secondaryText={(invoice) =>
            `${new Date(invoice.issuedAt).toLocaleDateString()} · ${invoice.billTo?.name ?? '—'} · ${orderPaymentStatusLooks[invoice.paymentStatus].label}`
          }
          tertiaryText={
            <Tertiary>
              <MoneyField source="total" currencySource="currency" />
            </Tertiary>
          }
        />
      }
    >
      <DataTable<Invoice> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="number" label="Invoice">
          <TextField source="number" sx={{ fontWeight: 600 }} />
        </DataTable.Col>
        <DataTable.Col source="issuedAt" label="Issued">
          <DateField source="issuedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="orderId" label="For" disableSort>
          <InvoiceSourceField />
        </DataTable.Col>
        <DataTable.Col source="billTo" label="Bill to" disableSort>
          <BillToField />
        </DataTable.Col>
        <DataTable.Col source="total" label="Total" align="right">
          <MoneyField source="total" currencySource="currency" />
        </DataTable.Col>
        <DataTable.Col source="paidAmount" label="Paid" align="right" disableSort>
          <MoneyField source="paidAmount" currencySource="currency" />
        </DataTable.Col>
        <DataTable.Col source="paymentStatus" label="Payment">
          <StatusChip source="paymentStatus" looks={orderPaymentStatusLooks} />
        </DataTable.Col>
        <DataTable.Col label="" align="right">
          <InvoicePdfCell />
        </DataTable.Col>
      </DataTable>
    </PhoneOr>
  </List>
);
