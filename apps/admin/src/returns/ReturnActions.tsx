import { useState, type ReactElement, type ReactNode } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/Check';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import ThumbDownIcon from '@mui/icons-material/ThumbDown';
import { Button, useNotify, useRecordContext } from 'react-admin';
import { ConfirmActionButton } from '../common-sales/ConfirmActionButton';
import { FormDialog, type FormDialogProps } from '../common-sales/FormDialog';
import type { Return } from '../common-sales/types';
import { useRecordAction } from '../common-sales/useRecordAction';
import { formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { canTakeReturnAction } from './returnRules';

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

interface ReturnStepButtonProps extends Omit<FormDialogProps, 'id' | 'open' | 'onClose' | 'onSubmit' | 'failure' | 'submitLabel'> {
  ret: Return;
  /** The action path, e.g. `receive`; its dialog is labelled by `<dialogId>-title`. */
  action: 'reject' | 'receive' | 'refund';
  dialogId: string;
  label: string;
  icon: ReactElement;
  danger?: boolean;
  submitLabel?: ReactNode;
  /** A refund moves money: one Idempotency-Key per attempt. */
  idempotent?: boolean;
  /** The body to send; null keeps the dialog open with nothing sent. */
  body: () => object | null;
  success: (updated: Return) => string;
}

/**
 * A step of the return behind a button and its dialog: posts the action with the dialog's body,
 * says how it went and reloads the page. The dialog stays mounted, so what was typed survives
 * closing it.
 */
const ReturnStepButton = ({ ret, action, dialogId, label, icon, danger, submitLabel = label, idempotent, body, success, ...dialog }: ReturnStepButtonProps) => {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const { run } = useRecordAction<Return>('returns');
  const submit = async () => {
    const sent = body();
    if (!sent) return false;
    notify(success(await run(ret.id, action, sent, { idempotent })), { type: 'success' });
  };
  return (
    <>
      <Button label={label} color={danger ? 'error' : undefined} onClick={() => setOpen(true)}>
        {icon}
      </Button>
      <FormDialog
        id={dialogId}
        open={open}
        onClose={() => setOpen(false)}
        onSubmit={submit}
        failure="That did not work."
        submitLabel={submitLabel}
        submitColor={danger ? 'error' : 'primary'}
        {...dialog}
      />
    </>
  );
};

/** "Reject": with the reason the customer is given. */
export const RejectReturnButton = () => {
  const ret = useRecordContext<Return>();
  const [reason, setReason] = useState('');
  if (!ret || !canTakeReturnAction('reject', ret.status)) return null;
  return (
    <ReturnStepButton
      ret={ret}
      action="reject"
      dialogId="reject"
      label="Reject"
      icon={<ThumbDownIcon />}
      danger
      title={`Reject return ${ret.number}`}
      submitDisabled={!reason.trim()}
      body={() => (reason.trim() ? { reason: reason.trim() } : null)}
      success={(updated) => `Return ${updated.number} is rejected.`}
    >
      <TextField
        name="reason"
        label="Why"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        required
        autoFocus
        helperText="The customer sees it"
      />
    </ReturnStepButton>
  );
};

/** "Receive": the goods are here; each line goes back into stock unless it cannot be sold again. */
export const ReceiveReturnButton = () => {
  const ret = useRecordContext<Return>();
  const [restock, setRestock] = useState<Record<number, boolean>>({});
  if (!ret || !canTakeReturnAction('receive', ret.status)) return null;
  const lines = ret.lines.map((line) => ({ lineId: line.lineId, restock: restock[line.lineId] ?? true }));
  const back = lines.filter((l) => l.restock).length;
  return (
    <ReturnStepButton
      ret={ret}
      action="receive"
      dialogId="receive"
      label="Receive"
      icon={<MoveToInboxIcon />}
      title={`Receive return ${ret.number}`}
      maxWidth="sm"
      spacing={1}
      body={() => ({ lines })}
      success={(updated) => `Return ${updated.number} received; ${back} of ${lines.length} line(s) back in stock.`}
    >
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
    </ReturnStepButton>
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
  const [method, setMethod] = useState<string>(asPaid);
  if (!ret || !canTakeReturnAction('refund', ret.status)) return null;
  const amount = ret.refundAmount ?? 0;
  return (
    <ReturnStepButton
      ret={ret}
      action="refund"
      dialogId="refund-return"
      label="Refund"
      icon={<CurrencyExchangeIcon />}
      idempotent
      title={`Refund return ${ret.number}`}
      submitLabel={`Refund ${amount > 0 ? formatMoney(amount, currency) : ''}`}
      body={() => (method === asPaid ? {} : { method })}
      success={(updated) =>
        updated.status === 'refunded'
          ? `Return ${updated.number} refunded: ${formatMoney(updated.refundAmount ?? 0, currency)}.`
          : `The refund of return ${updated.number} is being confirmed by the card provider.`
      }
    >
      <Typography data-testid="refund-amount">
        {amount > 0 ? (
          <>
            Gives back <strong>{formatMoney(amount, currency)}</strong> of its {formatMoney(ret.total, currency)}, with a credit note of the returned lines.
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
    </ReturnStepButton>
  );
};
