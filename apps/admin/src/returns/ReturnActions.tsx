import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/Check';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import ThumbDownIcon from '@mui/icons-material/ThumbDown';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { AttemptKeys, errorMessage, postAction } from '../common-sales/adminActions';
import { ConfirmActionButton } from '../common-sales/ConfirmActionButton';
import type { Return } from '../common-sales/types';
import { formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { canTakeReturnAction } from './returnRules';

/** A dialog that posts one action of the return and reloads the page. */
function useReturnAction(ret: Return | undefined) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const attempts = useRef(new AttemptKeys()).current;
  const run = async (action: string, body: object, success: (updated: Return) => string): Promise<boolean> => {
    if (!ret) return false;
    setSaving(true);
    setProblem(null);
    try {
      const updated = await postAction<Return>('returns', ret.id, action, body, action === 'refund' ? { idempotencyKey: attempts.keyFor(body) } : {});
      attempts.settle();
      notify(success(updated), { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      attempts.settle(error);
      setProblem(errorMessage(error, 'That did not work.'));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { run, saving, problem };
}

export const ApproveReturnButton = () => {
  const ret = useRecordContext<Return>();
  if (!ret || !canTakeReturnAction('approve', ret.status)) return null;
  return (
    <ConfirmActionButton<Return>
      resource="returns"
      action="approve"
      label="Approve"
      icon={<CheckIcon />}
      title={`Approve return ${ret.number}?`}
      content="The customer is told to send the goods back; you receive them, then refund."
      confirmLabel="Approve"
      success={(updated) => `Return ${updated.number} is approved.`}
    />
  );
};

export const CancelReturnButton = () => {
  const ret = useRecordContext<Return>();
  if (!ret || !canTakeReturnAction('cancel', ret.status)) return null;
  return (
    <ConfirmActionButton<Return>
      resource="returns"
      action="cancel"
      label="Cancel return"
      icon={<BlockIcon />}
      danger
      title={`Cancel return ${ret.number}?`}
      content="Nothing comes back and nothing is refunded; its units may be returned again later."
      confirmLabel="Cancel return"
      success={(updated) => `Return ${updated.number} is cancelled.`}
    />
  );
};

/** "Reject": with the reason the customer is given. */
export const RejectReturnButton = () => {
  const ret = useRecordContext<Return>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, saving, problem } = useReturnAction(ret);
  if (!ret || !canTakeReturnAction('reject', ret.status)) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    if (await run('reject', { reason: reason.trim() }, (updated) => `Return ${updated.number} is rejected.`)) setOpen(false);
  };
  return (
    <>
      <Button label="Reject" color="error" onClick={() => setOpen(true)}>
        <ThumbDownIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" aria-labelledby="reject-title">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="reject-title">Reject return {ret.number}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {problem && <Alert severity="error">{problem}</Alert>}
              <TextField
                name="reason"
                label="Why"
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                required
                autoFocus
                helperText="The customer sees it"
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)} disabled={saving}>
              Back
            </MuiButton>
            <MuiButton type="submit" variant="contained" color="error" disabled={saving || !reason.trim()}>
              Reject
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

/** "Receive": the goods are here; each line goes back into stock unless it cannot be sold again. */
export const ReceiveReturnButton = () => {
  const ret = useRecordContext<Return>();
  const [open, setOpen] = useState(false);
  const [restock, setRestock] = useState<Record<number, boolean>>({});
  const { run, saving, problem } = useReturnAction(ret);
  if (!ret || !canTakeReturnAction('receive', ret.status)) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lines = ret.lines.map((line) => ({ lineId: line.lineId, restock: restock[line.lineId] ?? true }));
    const back = lines.filter((l) => l.restock).length;
    if (await run('receive', { lines }, (updated) => `Return ${updated.number} received; ${back} of ${lines.length} line(s) back in stock.`)) setOpen(false);
  };
  return (
    <>
      <Button label="Receive" onClick={() => setOpen(true)}>
        <MoveToInboxIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="receive-title">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="receive-title">Receive return {ret.number}</DialogTitle>
          <DialogContent>
            <Stack spacing={1}>
              {problem && <Alert severity="error">{problem}</Alert>}
              <Typography variant="body2" color="text.secondary">
                Tick what can be sold again: it goes back into stock.
              </Typography>
              {ret.lines.map((line) => (
                <FormControlLabel
                  key={line.lineId}
                  control={
                    <Checkbox
                      checked={restock[line.lineId] ?? true}
                      onChange={(event) => setRestock((current) => ({ ...current, [line.lineId]: event.target.checked }))}
                    />
                  }
                  label={`Back in stock: ${line.quantity} × ${line.productName} (${line.sku})`}
                />
              ))}
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)} disabled={saving}>
              Back
            </MuiButton>
            <MuiButton type="submit" variant="contained" disabled={saving}>
              Receive
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

const asPaid = 'as-paid';
/** Other ways to give the money back, recorded as paid out by staff (never through the card provider). */
const payOutChoices = [
  { id: 'cash', name: 'Paid out in cash here' },
  { id: 'card', name: 'To a card at the terminal (recorded)' },
  { id: 'bank_transfer', name: 'By bank transfer (recorded)' },
  { id: 'mobile_wallet', name: 'To a mobile wallet (recorded)' },
] as const;

/** "Refund": gives the return's amount back, through the record's payments or handed over at the counter. */
export const RefundReturnButton = () => {
  const ret = useRecordContext<Return>();
  const currency = useStoreCurrency();
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<string>(asPaid);
  const { run, saving, problem } = useReturnAction(ret);
  if (!ret || !canTakeReturnAction('refund', ret.status)) return null;
  const amount = ret.refundAmount ?? 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await run('refund', method === asPaid ? {} : { method }, (updated) =>
      updated.status === 'refunded'
        ? `Return ${updated.number} refunded: ${formatMoney(updated.refundAmount ?? 0, currency)}.`
        : `The refund of return ${updated.number} is being confirmed by the card provider.`,
    );
    if (done) setOpen(false);
  };
  return (
    <>
      <Button label="Refund" onClick={() => setOpen(true)}>
        <CurrencyExchangeIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" aria-labelledby="refund-return-title">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="refund-return-title">Refund return {ret.number}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {problem && <Alert severity="error">{problem}</Alert>}
              <Typography data-testid="refund-amount">
                {amount > 0 ? (
                  <>
                    Gives back <strong>{formatMoney(amount, currency)}</strong> of its {formatMoney(ret.total, currency)}, with a credit note of the returned
                    lines.
                  </>
                ) : (
                  <>Nothing was paid that could go back: the return is closed without a refund.</>
                )}
              </Typography>
              {ret.status === 'approved' && <Alert severity="info">Nothing was received: refund it only if the goods need not come back.</Alert>}
              <TextField select name="method" label="Give back" value={method} onChange={(event) => setMethod(event.target.value)}>
                <MenuItem value={asPaid}>As it was paid (a card charge back to the card)</MenuItem>
                {payOutChoices.map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {choice.name}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)} disabled={saving}>
              Back
            </MuiButton>
            <MuiButton type="submit" variant="contained" disabled={saving}>
              Refund {amount > 0 ? formatMoney(amount, currency) : ''}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
