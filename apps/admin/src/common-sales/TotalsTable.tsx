import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';

export interface TotalsRow {
  label: string;
  amount: number;
  strong?: boolean;
  /** Shown instead of the amount, e.g. "—" while lines are incomplete. */
  text?: string;
  /** Hidden when the amount is 0. */
  hideZero?: boolean;
}

/** Subtotal … total, right-aligned, formatted in the given currency or the store's. */
export const TotalsTable = ({ rows, currency, label = 'Totals' }: { rows: TotalsRow[]; currency?: string; label?: string }) => {
  const storeCurrency = useStoreCurrency();
  const code = currency ?? storeCurrency;
  return (
    <Table size="small" sx={{ maxWidth: 380, ml: 'auto' }} aria-label={label}>
      <TableBody>
        {rows
          .filter((row) => !(row.hideZero && row.amount === 0))
          .map((row) => {
            const sx = { border: 0, py: 0.5, fontWeight: row.strong ? 700 : undefined };
            return (
              <TableRow key={row.label}>
                <TableCell sx={sx}>{row.label}</TableCell>
                <TableCell align="right" sx={{ ...sx, whiteSpace: 'nowrap' }} data-total={row.label}>
                  {row.text ?? formatMoney(row.amount, code)}
                </TableCell>
              </TableRow>
            );
          })}
      </TableBody>
    </Table>
  );
};
