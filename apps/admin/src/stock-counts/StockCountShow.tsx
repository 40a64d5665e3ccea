import Typography from '@mui/material/Typography';
import { ArrayField, DataTable, DateField, FunctionField, Labeled, NumberField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { AttributeChips } from '../products/productFields';
import type { StockCount } from '../types';
import { UserReferenceField } from '../users/UserReferenceField';

type CountLine = StockCount['lines'][number];

const CountTitle = () => {
  const count = useRecordContext<StockCount>();
  return <span>{count ? `Stock count ${count.number}` : 'Stock count'}</span>;
};

/** A stock count as recorded: each line's expected stock (at the count's start), what was counted, and the correction. */
export const StockCountShow = () => (
  <Show<StockCount> title={<CountTitle />}>
    <SimpleShowLayout>
      <TextField source="number" />
      <TextField source="note" emptyText="—" />
      <DateField source="startedAt" label="Counting began" showTime emptyText="when saved" />
      <DateField source="createdAt" label="Saved" showTime />
      <UserReferenceField source="createdById" label="By" emptyText="—" />
      <Labeled label="Lines" fullWidth>
        <ArrayField source="lines">
          <DataTable<CountLine> bulkActionButtons={false} rowClick={false} sx={{ width: '100%' }}>
            <DataTable.Col source="productName" label="Product" disableSort />
            <DataTable.Col source="sku" label="SKU" disableSort />
            <DataTable.Col source="attributes" label="Attributes" disableSort>
              <AttributeChips />
            </DataTable.Col>
            <DataTable.Col source="expected" label="Expected" disableSort align="right">
              <NumberField source="expected" />
            </DataTable.Col>
            <DataTable.Col source="counted" label="Counted" disableSort align="right">
              <NumberField source="counted" />
            </DataTable.Col>
            <DataTable.Col source="delta" label="Correction" disableSort align="right">
              <FunctionField<CountLine>
                render={(line) => (
                  <Typography
                    component="span"
                    variant="body2"
                    sx={{ fontWeight: 600, color: line.delta < 0 ? 'error.main' : line.delta > 0 ? 'success.main' : 'text.secondary' }}
                  >
                    {line.delta > 0 ? `+${line.delta}` : String(line.delta)}
                  </Typography>
                )}
              />
            </DataTable.Col>
            <DataTable.Col source="stockAfter" label="Stock after" disableSort align="right">
              <NumberField source="stockAfter" />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
