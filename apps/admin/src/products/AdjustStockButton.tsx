import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import TuneIcon from '@mui/icons-material/Tune';
import { Button, HttpError, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { ChanceDataProvider } from '../providers/dataProvider';
import { attributesText } from '../providers/variantLookup';
import type { ProductVariant } from '../types';

/** "+5", "-2", "3" → the integer; anything else (0, "1.5", "ten") → null. */
export function parseDelta(text: string): number | null {
  const match = /^\s*([+-]?)\s*(\d{1,10})\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  return value === 0 || !Number.isSafeInteger(value) ? null : value;
}

interface FieldErrors {
  delta?: string;
  note?: string;
}

const AdjustStockDialog = ({ variant, productName, onClose }: { variant: ProductVariant; productName: string; onClose: () => void }) => {
  const dataProvider = useDataProvider<ChanceDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [deltaText, setDeltaText] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const delta = parseDelta(deltaText);
  const newStock = delta == null ? null : variant.stock + delta;
  const attributes = attributesText(variant.attributes);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const local: FieldErrors = {};
    if (delta == null) local.delta = 'Enter a whole number of units other than 0, e.g. 5 or -2';
    else if (newStock != null && newStock < 0) local.delta = `Only ${variant.stock} in stock: the stock cannot go below zero`;
    if (!note.trim()) local.note = 'Say why the stock changes (it is kept with the movement)';
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0 || delta == null) return;

    setSaving(true);
    try {
      await dataProvider.adjustStock({ variantId: variant.id, delta, note: note.trim() });
      notify(`Stock of ${variant.sku} changed by ${delta > 0 ? '+' : ''}${delta}, now ${variant.stock + delta}.`, {
        type: 'success',
      });
      onClose();
      refresh();
    } catch (error) {
      const fieldErrors = error instanceof HttpError ? (error.body?.errors as Record<string, unknown> | undefined) : undefined;
      if (fieldErrors && (fieldErrors.delta || fieldErrors.note)) {
        setErrors({
          delta: fieldErrors.delta ? String(fieldErrors.delta) : undefined,
          note: fieldErrors.note ? String(fieldErrors.note) : undefined,
        });
      }
      setProblem(error instanceof Error ? error.message : 'The stock could not be adjusted.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={saving ? undefined : onClose} fullWidth maxWidth="xs" aria-labelledby="adjust-stock-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="adjust-stock-title">Adjust stock</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <div>
              <Typography variant="subtitle1">{productName}</Typography>
              <Typography variant="body2" color="text.secondary">
                SKU {variant.sku}
                {attributes ? ` · ${attributes}` : ''} · now in stock: {variant.stock}
              </Typography>
            </div>
            {problem && <Alert severity="error">{problem}</Alert>}
            <TextField
              name="delta"
              label="Change (units)"
              value={deltaText}
              onChange={(event) => setDeltaText(event.target.value)}
              error={!!errors.delta}
              helperText={errors.delta ?? 'Units to add; a minus sign removes, e.g. 5 or -2'}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
              autoFocus
              required
            />
            <TextField
              name="note"
              label="Reason"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              error={!!errors.note}
              helperText={errors.note ?? 'e.g. Counted in the stockroom, two damaged'}
              multiline
              minRows={2}
              required
            />
            <Typography variant="body2" color={newStock != null && newStock < 0 ? 'error' : 'text.secondary'}>
              {newStock == null ? ' ' : `Stock after the adjustment: ${newStock}`}
            </Typography>
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose} disabled={saving}>
            Cancel
          </MuiButton>
          <MuiButton type="submit" variant="contained" disabled={saving}>
            Save adjustment
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/** "Adjust stock" for the variant in the record context: a small dialog, then a stock movement. */
export const AdjustStockButton = ({ productName }: { productName: string }) => {
  const variant = useRecordContext<ProductVariant>();
  const [open, setOpen] = useState(false);
  if (!variant) return null;
  return (
    <>
      <Button label="Adjust stock" onClick={() => setOpen(true)}>
        <TuneIcon />
      </Button>
      {open && <AdjustStockDialog variant={variant} productName={productName} onClose={() => setOpen(false)} />}
    </>
  );
};
