import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { Button, Title, useNotify } from 'react-admin';
import { errorMessage } from '../common-sales';
import { formatMoney } from '../money/money';
import { adminApiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import { attributesText } from '../providers/variantLookup';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { ReorderLine } from '../types';
import { canOrder, draftPurchases, selectAll } from './reorder';

interface CreatedPurchase {
  id: number;
  number: string;
  supplierName: string;
  lines: number;
}

async function fetchReorder(): Promise<ReorderLine[]> {
  return (await httpClient<ReorderLine[]>(`${adminApiUrl}/reports/reorder`)).json;
}

/**
 * What to order again (docs/api.md#catalog-media): the variants at or below their low-stock threshold with
 * their last supplier, last cost and a suggested quantity (30 days at the last 90 days' sales, at
 * least out of low stock). Selected lines become draft purchases, one per supplier, through the
 * purchases API; quantities can be changed first. What is already on order is shown beside.
 */
export const ReorderPage = () => {
  const notify = useNotify();
  const currency = useStoreCurrency();
  const report = useQuery({ queryKey: ['chance-store', 'reports', 'reorder'], queryFn: fetchReorder, retry: false });
  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedPurchase[]>([]);
  const lines = report.data ?? [];
  const orderable = lines.filter(canOrder);
  const allSelected = orderable.length > 0 && orderable.every((line) => selected.has(line.variantId));

  const toggle = (line: ReorderLine, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(line.variantId, line.suggestedQuantity || 1);
      else next.delete(line.variantId);
      return next;
    });

  const create = async () => {
    setCreating(true);
    const made: CreatedPurchase[] = [];
    try {
      for (const draft of draftPurchases(lines, selected)) {
        const { json } = await httpClient<{ id: number; number: string }>(`${adminApiUrl}/purchases`, {
          method: 'POST',
          body: JSON.stringify({ supplierId: draft.supplierId, status: 'draft', lines: draft.lines }),
        });
        made.push({ id: json.id, number: json.number, supplierName: draft.supplierName, lines: draft.lines.length });
      }
      notify(`${made.length} draft purchase${made.length === 1 ? '' : 's'} created`, { type: 'success' });
      setSelected(new Map());
      await report.refetch();
    } catch (error) {
      notify(errorMessage(error, 'The purchases could not be created.'), { type: 'error' });
    } finally {
      setCreated(made);
      setCreating(false);
    }
  };

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Reorder" />
      {created.length > 0 && (
        <Alert severity="success" role="status">
          Draft purchases created:{' '}
          {created.map((purchase, i) => (
            <span key={purchase.id}>
              {i > 0 && ', '}
              <Link component={RouterLink} to={`/purchases/${purchase.id}/show`}>
                {purchase.number}
              </Link>{' '}
              ({purchase.supplierName}, {purchase.lines} line{purchase.lines === 1 ? '' : 's'})
            </span>
          ))}
          . Check them, then mark them ordered.
        </Alert>
      )}
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
            <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720 }}>
              Variants at or below their low-stock threshold. The suggestion covers 30 days at the rate sold over the last 90 days (online and in store), and at
              least brings the stock above the threshold; it does not subtract what is already on order.
            </Typography>
            <Button label="Create purchases" variant="contained" onClick={create} disabled={creating || selected.size === 0}>
              <LocalShippingIcon />
            </Button>
          </Stack>
          {report.error && <Typography color="error">The report could not be loaded: {errorMessage(report.error, 'unknown error')}</Typography>}
          {report.isPending && <Typography color="text.secondary">Loading…</Typography>}
          {report.data && lines.length === 0 && <Typography sx={{ mt: 2 }}>Nothing is low on stock.</Typography>}
          {lines.length > 0 && (
            <TableContainer sx={{ mt: 2 }}>
              <Table size="small" aria-label="Variants to reorder">
                <TableHead>
                  <TableRow>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={allSelected}
                        indeterminate={selected.size > 0 && !allSelected}
                        onChange={(event) => setSelected(event.target.checked ? selectAll(lines) : new Map())}
                        slotProps={{ input: { 'aria-label': 'Select every line with a supplier' } }}
                      />
                    </TableCell>
                    <TableCell>Product</TableCell>
                    <TableCell>Last supplier</TableCell>
                    <TableCell align="right">Stock / threshold</TableCell>
                    <TableCell align="right">Sold in 90 days</TableCell>
                    <TableCell align="right">On order</TableCell>
                    <TableCell align="right">Last unit cost</TableCell>
                    <TableCell align="right">Quantity</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {lines.map((line) => {
                    const quantity = selected.get(line.variantId);
                    return (
                      <TableRow key={line.variantId} data-sku={line.sku} selected={quantity !== undefined}>
                        <TableCell padding="checkbox">
                          <Checkbox
                            checked={quantity !== undefined}
                            disabled={!canOrder(line)}
                            onChange={(event) => toggle(line, event.target.checked)}
                            slotProps={{ input: { 'aria-label': `Order ${line.sku}` } }}
                          />
                        </TableCell>
                        <TableCell>
                          <Link component={RouterLink} to={`/products/${line.productId}/show`}>
                            {line.productName}
                          </Link>
                          <Typography variant="caption" color="text.secondary" component="div">
                            {line.sku}
                            {Object.keys(line.attributes).length > 0 ? ` · ${attributesText(line.attributes)}` : ''}
                          </Typography>
                        </TableCell>
                        <TableCell>
                          {line.lastSupplierName ?? (
                            <Typography variant="body2" color="text.secondary">
                              never bought: order it by hand
                            </Typography>
                          )}
                        </TableCell>
                        <TableCell align="right">
                          {line.stock} / {line.threshold}
                        </TableCell>
                        <TableCell align="right">{line.soldLast90Days}</TableCell>
                        <TableCell align="right">{line.onOrder || '—'}</TableCell>
                        <TableCell align="right">{line.lastUnitCost === null ? '—' : formatMoney(line.lastUnitCost, currency)}</TableCell>
                        <TableCell align="right">
                          <TextField
                            type="number"
                            size="small"
                            value={quantity ?? line.suggestedQuantity}
                            disabled={quantity === undefined}
                            onChange={(event) => {
                              const value = Number(event.target.value);
                              if (Number.isInteger(value) && value >= 1) setSelected((current) => new Map(current).set(line.variantId, value));
                            }}
                            slotProps={{ htmlInput: { min: 1, step: 1, 'aria-label': `Quantity of ${line.sku}`, style: { textAlign: 'right', width: 70 } } }}
                          />
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};
