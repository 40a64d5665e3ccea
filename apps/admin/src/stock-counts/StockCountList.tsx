import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CreateButton, DataTable, DateField, FunctionField, List, SearchInput, TextField, TopToolbar } from 'react-admin';
import type { StockCount } from '../types';
import { UserReferenceField } from '../users/UserReferenceField';

const countFilters = [<SearchInput key="q" source="q" placeholder="Search notes" alwaysOn />];

const Actions = () => (
  <TopToolbar>
    <CreateButton label="Count stock" />
  </TopToolbar>
);

const NoCounts = () => (
  <Box sx={{ textAlign: 'center', mt: 6 }}>
    <Typography variant="h6" gutterBottom>
      No stock counts yet
    </Typography>
    <Typography color="text.secondary" gutterBottom>
      Count a shelf with a barcode scanner (or by typing SKUs): every difference is corrected in one go.
    </Typography>
    <CreateButton label="Count stock" variant="contained" />
  </Box>
);

/** Stock counts (read only), newest first, with how many variants each one corrected. */
export const StockCountList = () => (
  <List<StockCount>
    filters={countFilters}
    actions={<Actions />}
    empty={<NoCounts />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<StockCount> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" disableSort />
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="note" disableSort>
        <TextField source="note" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col label="Lines" align="right" disableSort>
        <FunctionField<StockCount> render={(count) => count.lines.length} />
      </DataTable.Col>
      <DataTable.Col label="Corrected" align="right" disableSort>
        <FunctionField<StockCount>
          render={(count) => {
            const corrected = count.lines.filter((line) => line.delta !== 0).length;
            return (
              <Typography variant="body2" sx={{ fontWeight: corrected ? 600 : 400 }}>
                {corrected}
              </Typography>
            );
          }}
        />
      </DataTable.Col>
      <DataTable.Col source="createdById" disableSort>
        <UserReferenceField source="createdById" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
