import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import SaveIcon from '@mui/icons-material/Save';
import { Button, HttpError, Title, useNotify } from 'react-admin';
import { errorMessage } from '../common-sales';
import { Thumbnail } from '../media';
import { adminApiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import { attributesText } from '../providers/variantLookup';
import type { Product, StockCount } from '../types';
import {
  MAX_COUNT_LINES,
  addScan,
  countedVariantsOf,
  differenceOf,
  emptySheet,
  isFull,
  lineErrors,
  removeLine,
  setCounted,
  toCountBody,
  variantWithSku,
  type CountedVariant,
} from './countSheet';

/**
 * The variant of a SKU, looked up through the products list (q searches SKUs), and the server's
 * clock from the answer's Date header: the count's start is compared with the ledger's times, so
 * it must not come from this computer's clock, which may be off by minutes.
 */
async function findBySku(sku: string): Promise<{ variant: CountedVariant | undefined; serverNow: number | null }> {
  const query = new URLSearchParams({ filter: JSON.stringify({ q: sku }), range: JSON.stringify([0, 49]), sort: JSON.stringify(['id', 'ASC']) });
  const { json, headers } = await httpClient<Product[]>(`${adminApiUrl}/products?${query}`);
  const date = Date.parse(headers.get('Date') ?? '');
  return { variant: variantWithSku(json.flatMap(countedVariantsOf), sku), serverNow: Number.isNaN(date) ? null : date };
}

const Difference = ({ value }: { value: number }) => (
  <Typography component="span" variant="body2" sx={{ fontWeight: 600, color: value < 0 ? 'error.main' : value > 0 ? 'success.main' : 'text.secondary' }}>
    {value > 0 ? `+${value}` : String(value)}
  </Typography>
);

/**
 * Counting the shelf (docs/api.md#catalog-media), made for a barcode scanner: a scanner types the SKU and
 * presses Enter, which adds one to that variant's line; counts can also be typed. Saving records
 * every difference as a `stock_count` movement, against the stock as it was at the first scan.
 */
export const StockCountCreate = () => {
  const notify = useNotify();
  const navigate = useNavigate();
  const [sheet, setSheet] = useState(emptySheet);
  const [sku, setSku] = useState('');
  const [skuError, setSkuError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Map<number, string>>(new Map());
  const cache = useRef(new Map<string, CountedVariant>());
  const clockOffset = useRef(0);
  const scanner = useRef<HTMLInputElement>(null);

  const scan = async () => {
    const code = sku.trim();
    if (!code) return;
    setSku('');
    try {
      let variant = cache.current.get(code.toLowerCase());
      if (!variant) {
        const found = await findBySku(code);
        // the server's clock, to the second (the Date header): never ahead of it
        if (found.serverNow !== null) clockOffset.current = found.serverNow - Date.now();
        variant = found.variant;
      }
      if (!variant) {
        setSkuError(`No variant has the SKU ${code}`);
        return;
      }
      cache.current.set(code.toLowerCase(), variant);
      if (isFull(sheet, variant.id)) {
        setSkuError(`A count holds at most ${MAX_COUNT_LINES} variants: save this one and start another for ${code}`);
        return;
      }
      setSkuError(null);
      const scanned = variant;
      const now = new Date(Date.now() + clockOffset.current);
      setSheet((current) => addScan(current, scanned, now));
    } catch (error) {
      setSkuError(errorMessage(error, 'The SKU could not be looked up.'));
    } finally {
      scanner.current?.focus();
    }
  };

  const save = async () => {
    setSaving(true);
    setErrors(new Map());
    try {
      const { json } = await httpClient<StockCount>(`${adminApiUrl}/stock-counts`, { method: 'POST', body: JSON.stringify(toCountBody(sheet, note)) });
      const moved = json.lines.filter((line) => line.delta !== 0).length;
      notify(`Count ${json.number} saved: ${moved} variant${moved === 1 ? '' : 's'} corrected`, { type: 'success' });
      navigate(`/stock-counts/${json.id}/show`);
    } catch (error) {
      const fields = error instanceof HttpError ? (error.body?.errors as Record<string, unknown> | undefined) : undefined;
      setErrors(lineErrors(sheet, fields));
      notify(errorMessage(error, 'The count could not be saved.'), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Count stock" />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
            <TextField
              inputRef={scanner}
              autoFocus
              label="Scan or type a SKU, then Enter"
              name="sku"
              value={sku}
              onChange={(event) => setSku(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void scan();
                }
              }}
              error={!!skuError}
              helperText={skuError ?? 'Each scan adds one to its line.'}
              autoComplete="off"
              sx={{ minWidth: 320 }}
            />
            <TextField
              label="Note"
              name="note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              sx={{ minWidth: 320 }}
              slotProps={{ htmlInput: { maxLength: 1000 } }}
            />
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {sheet.startedAt
              ? `Counting since ${new Date(sheet.startedAt).toLocaleTimeString()}: sales made while you count are kept on top of what you count.`
              : 'The count starts with the first scan.'}
          </Typography>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          {sheet.lines.length === 0 ? (
            <Typography color="text.secondary">Nothing counted yet.</Typography>
          ) : (
            <Table size="small" aria-label="Counted variants">
              <TableHead>
                <TableRow>
                  <TableCell />
                  <TableCell>Product</TableCell>
                  <TableCell>SKU</TableCell>
                  <TableCell align="right">In stock</TableCell>
                  <TableCell align="right">Counted</TableCell>
                  <TableCell align="right">Difference</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {sheet.lines.map((line) => {
                  const error = errors.get(line.variant.id);
                  return (
                    <TableRow key={line.variant.id} data-sku={line.variant.sku}>
                      <TableCell>
                        <Thumbnail src={line.variant.thumbnailUrl} alt={line.variant.productName} />
                      </TableCell>
                      <TableCell>
                        {line.variant.productName}
                        {Object.keys(line.variant.attributes).length > 0 && (
                          <Typography variant="caption" color="text.secondary" component="div">
                            {attributesText(line.variant.attributes)}
                          </Typography>
                        )}
                        {error && (
                          <Typography variant="caption" color="error" component="div">
                            {error}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell>{line.variant.sku}</TableCell>
                      <TableCell align="right">{line.variant.stock}</TableCell>
                      <TableCell align="right">
                        <TextField
                          type="number"
                          size="small"
                          value={line.counted}
                          error={!!error}
                          onChange={(event) => setSheet((current) => setCounted(current, line.variant.id, Number(event.target.value)))}
                          slotProps={{ htmlInput: { min: 0, step: 1, 'aria-label': `Counted ${line.variant.sku}`, style: { textAlign: 'right', width: 80 } } }}
                        />
                      </TableCell>
                      <TableCell align="right">
                        <Difference value={differenceOf(line)} />
                      </TableCell>
                      <TableCell align="right">
                        <IconButton
                          aria-label={`Remove ${line.variant.sku}`}
                          size="small"
                          onClick={() => setSheet((current) => removeLine(current, line.variant.id))}
                        >
                          <DeleteIcon fontSize="small" />
                        </IconButton>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
            <Button label="Save count" variant="contained" onClick={save} disabled={saving || sheet.lines.length === 0}>
              <SaveIcon />
            </Button>
            <Typography variant="body2" color="text.secondary">
              {sheet.lines.length} variant{sheet.lines.length === 1 ? '' : 's'} counted
            </Typography>
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
};
