import type { ReactNode } from 'react';
import Typography from '@mui/material/Typography';
import { ArrayField, DataTable, NumberField, useRecordContext } from 'react-admin';
import { useIsPhone } from '../layout/phone';
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

/** On a phone: the product's name with its SKU and attributes under it, in one narrow column. */
const ProductWithSku = (_props: { label?: string }) => {
  const line = useRecordContext<{ productName?: string; sku?: string; attributes?: Record<string, string> }>();
  if (!line) return null;
  const attributes = Object.entries(line.attributes ?? {}).map(([key, value]) => `${key}: ${value}`);
  return (
    <>
      <Typography component="span" variant="body2" sx={{ display: 'block' }}>
        {line.productName}
      </Typography>
      <Typography component="span" variant="caption" color="text.secondary">
        {[line.sku, ...attributes].join(' · ')}
      </Typography>
    </>
  );
};

/**
 * The lines of an order, invoice, sale or purchase as they were recorded (snapshots: names, SKUs,
 * attributes and prices as at the time, docs/api.md#totals). On a phone, SKU and attributes go
 * under the name and the thumbnails stay out, so the amounts fit the screen.
 */
export const SnapshotLines = ({ unitSource = 'unitPrice', unitLabel = 'Unit price', currency, thumbnails = false, children }: SnapshotLinesProps) => {
  const isPhone = useIsPhone();
  return (
    <ArrayField source="lines">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<span>No lines.</span>} sx={{ width: '100%' }}>
        {isPhone && (
          <DataTable.Col source="productName" label="Product">
            <ProductWithSku />
          </DataTable.Col>
        )}
        {thumbnails && !isPhone && (
          <DataTable.Col label="" disableSort>
            <LineThumbnail />
          </DataTable.Col>
        )}
        {!isPhone && <DataTable.Col source="productName" label="Product" />}
        {!isPhone && <DataTable.Col source="sku" label="SKU" />}
        {!isPhone && (
          <DataTable.Col source="attributes" label="Attributes" disableSort>
            <AttributeChips />
          </DataTable.Col>
        )}
        <DataTable.Col source={unitSource} label={unitLabel} align="right">
          <MoneyField source={unitSource} currency={currency} />
        </DataTable.Col>
        <DataTable.Col source="quantity" label={isPhone ? 'Qty' : 'Quantity'} align="right">
          <NumberField source="quantity" />
        </DataTable.Col>
        <DataTable.Col source="lineTotal" label="Line total" align="right">
          <MoneyField source="lineTotal" currency={currency} />
        </DataTable.Col>
        {children}
      </DataTable>
    </ArrayField>
  );
};
