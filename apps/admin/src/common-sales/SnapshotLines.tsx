import type { ReactNode } from 'react';
import { ArrayField, DataTable, NumberField, useRecordContext } from 'react-admin';
import { Thumbnail } from '../media';
import { MoneyField } from '../money';
import { AttributeChips } from '../products/productFields';

export interface SnapshotLinesProps {
  /** The unit amount of a line: `unitPrice` (sales) or `unitCost` (purchases). */
  unitSource?: 'unitPrice' | 'unitCost';
  unitLabel?: string;
  currency?: string;
  /** A first column with each line's thumbnail, as recorded with it (order and in-store sale lines). */
  thumbnails?: boolean;
  /** Columns of the document's own after the line total (`<DataTable.Col>`s), e.g. a returned line's reason. */
  children?: ReactNode;
}

const LineThumbnail = () => {
  const line = useRecordContext<{ thumbnailUrl?: string | null; productName?: string }>();
  return <Thumbnail src={line?.thumbnailUrl} alt={line?.productName ?? ''} />;
};

/**
 * The lines of an order, invoice, sale or purchase as they were recorded (snapshots: names, SKUs,
 * attributes and prices as at the time, docs/api.md#totals).
 */
export const SnapshotLines = ({ unitSource = 'unitPrice', unitLabel = 'Unit price', currency, thumbnails = false, children }: SnapshotLinesProps) => (
  <ArrayField source="lines">
    <DataTable bulkActionButtons={false} rowClick={false} empty={<span>No lines.</span>} sx={{ width: '100%' }}>
      {thumbnails && (
        <DataTable.Col label="" disableSort>
          <LineThumbnail />
        </DataTable.Col>
      )}
      <DataTable.Col source="productName" label="Product" />
      <DataTable.Col source="sku" label="SKU" />
      <DataTable.Col source="attributes" label="Attributes" disableSort>
        <AttributeChips />
      </DataTable.Col>
      <DataTable.Col source={unitSource} label={unitLabel} align="right">
        <MoneyField source={unitSource} currency={currency} />
      </DataTable.Col>
      <DataTable.Col source="quantity" label="Quantity" align="right">
        <NumberField source="quantity" />
      </DataTable.Col>
      <DataTable.Col source="lineTotal" label="Line total" align="right">
        <MoneyField source="lineTotal" currency={currency} />
      </DataTable.Col>
      {children}
    </DataTable>
  </ArrayField>
);
