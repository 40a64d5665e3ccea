import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, DateField, DateInput, FunctionField, List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { variantLabel, variantsResource } from '../providers/variantLookup';
import type { StockMovement, VariantSummary } from '../types';
import { UserReferenceField } from '../users/UserReferenceField';
import { VariantReferenceField } from './VariantReferenceField';
import { reasonChoices, reasonLabels, referenceText } from './reasons';
import { ExportingListActions } from '../common-sales/ServerExportButton';

/** Date filters are whole days: "until" includes the day it names. */
const dayStart = (value: string) => (value ? value : null);
const dayEnd = (value: string) => (value ? `${value}T23:59:59.999Z` : null);
const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

const movementFilters = [
  <SearchInput key="q" source="q" placeholder="Search notes" alwaysOn />,
  <ReferenceInput key="productId" source="productId" reference="products" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Product" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="variantId" source="variantId" reference={variantsResource} alwaysOn>
    <AutocompleteInput label="Variant" optionText={(variant: VariantSummary) => variantLabel(variant)} filterToQuery={(q) => ({ q })} sx={{ minWidth: 340 }} />
  </ReferenceInput>,
  <SelectInput key="reason" source="reason" choices={reasonChoices} />,
  <DateInput key="createdAt_gte" source="createdAt_gte" label="From" parse={dayStart} format={dayOf} />,
  <DateInput key="createdAt_lte" source="createdAt_lte" label="Until" parse={dayEnd} format={dayOf} />,
];

const DeltaField = () => (
  <FunctionField<StockMovement>
    render={(movement) => (
      <Typography component="span" variant="body2" sx={{ fontWeight: 600, color: movement.delta < 0 ? 'error.main' : 'success.main' }}>
        {movement.delta > 0 ? `+${movement.delta}` : String(movement.delta)}
      </Typography>
    )}
  />
);

const ReasonField = () => (
  <FunctionField<StockMovement>
    render={(movement) => (
      <Chip
        size="small"
        variant="outlined"
        color={movement.reason === 'adjustment' ? 'info' : 'default'}
        label={reasonLabels[movement.reason] ?? movement.reason}
      />
    )}
  />
);

const DetailsField = () => (
  <FunctionField<StockMovement>
    render={(movement) => {
      const reference = referenceText(movement.reference, movement.reason);
      return (
        <Stack component="span">
          {movement.note && <span>{movement.note}</span>}
          {reference && (
            <Typography component="span" variant={movement.note ? 'caption' : 'body2'} color="text.secondary">
              {reference}
            </Typography>
          )}
        </Stack>
      );
    }}
  />
);

/** The stock ledger (read only): every change of every variant's stock, newest first. */
export const StockMovementList = () => (
  <List<StockMovement> filters={movementFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50} exporter={false} actions={<ExportingListActions />}>
    <DataTable<StockMovement> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="variantId" label="Product / variant" disableSort>
        <VariantReferenceField source="variantId" />
      </DataTable.Col>
      <DataTable.Col source="delta" align="right">
        <DeltaField />
      </DataTable.Col>
      <DataTable.Col source="reason">
        <ReasonField />
      </DataTable.Col>
      <DataTable.Col source="note" label="Details" disableSort>
        <DetailsField />
      </DataTable.Col>
      <DataTable.Col source="createdById" disableSort>
        <UserReferenceField source="createdById" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
