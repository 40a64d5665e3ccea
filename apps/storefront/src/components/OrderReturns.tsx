import { useState, type FormEvent } from 'react';
import type { CreditNote, Order, Return } from '@chance/client';
import { shop } from '../shop';
import { DownloadButton } from './DownloadButton';
import { fieldErrorsOf } from './messages';
import { ErrorAlert, Field, formatDate, Money, Status, words } from './ui';

/** Returns that hold units of their lines (docs/api.md#refunds-and-returns): every one not rejected or cancelled. */
const holdsUnits = (r: Return) => r.status !== 'rejected' && r.status !== 'cancelled';

/** How many units of each line can still be asked back: bought, less what the order's live returns hold. */
export function returnableUnits(order: Order, returns: Return[]): Map<number, number> {
  const held = new Map<number, number>();
  for (const r of returns.filter(holdsUnits)) for (const l of r.lines) held.set(l.lineId, (held.get(l.lineId) ?? 0) + l.quantity);
  return new Map(order.lines.map((line) => [line.id, Math.max(0, line.quantity - (held.get(line.id) ?? 0))]));
}

const describe = (line: { productName: string; attributes: Record<string, string> }) => {
  const attributes = Object.values(line.attributes).join(', ');
  return attributes ? `${line.productName} (${attributes})` : line.productName;
};

/**
 * The order's returns and its credit notes, and, once it is delivered, a form to ask for a return:
 * how many of each line and why. The shop approves it, receives the goods and refunds; each step
 * shows here, and each refund's credit note can be downloaded.
 */
export function OrderReturns({
  order,
  returns,
  creditNotes,
  onRequested,
}: {
  order: Order;
  returns: Return[];
  creditNotes: CreditNote[];
  onRequested: () => void;
}) {
  const [requested, setRequested] = useState<Return | null>(null);
  return (
    <section aria-labelledby="returns-heading" className="returns">
      <h2 id="returns-heading">Returns and refunds</h2>
      {requested ? <Status>Return {requested.number} requested. We will let you know once we have looked at it.</Status> : null}
      {returns.length > 0 ? (
        <ul className="plain-list" aria-label="Your returns">
          {returns.map((r) => (
            <li key={r.id}>
              <strong>{r.number}</strong> · <span data-testid="return-status">{words(r.status)}</span> ·{' '}
              {r.lines.map((l) => `${l.quantity} × ${describe(l)}`).join(', ')}
              {r.refundAmount !== null ? (
                <>
                  {' '}
                  · {r.status === 'refunded' ? 'refunded' : 'refund'} <Money amount={r.refundAmount} />
                </>
              ) : null}
              {r.rejectReason ? <div className="muted">Declined: {r.rejectReason}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {creditNotes.length > 0 ? (
        <ul className="plain-list" aria-label="Credit notes">
          {creditNotes.map((note) => (
            <li key={note.id}>
              Credit note {note.number} of {formatDate(note.issuedAt)}: <Money amount={note.total} />{' '}
              <DownloadButton
                label={`Download credit note ${note.number} (PDF)`}
                filename={`${note.number}.pdf`}
                fetch={() => shop.orders.creditNotePdf(order.id, note.id)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {order.status === 'delivered' ? (
        <ReturnRequestForm
          order={order}
          returnable={returnableUnits(order, returns)}
          onRequested={(made) => {
            setRequested(made);
            onRequested();
          }}
        />
      ) : null}
    </section>
  );
}

function ReturnRequestForm({ order, returnable, onRequested }: { order: Order; returnable: Map<number, number>; onRequested: (made: Return) => void }) {
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lines = order.lines.filter((line) => (returnable.get(line.id) ?? 0) > 0);
  if (lines.length === 0) return <p className="muted">Everything in this order is in a return already.</p>;
  const chosen = lines.filter((line) => (quantities[line.id] ?? 0) > 0);
  const fieldErrors = fieldErrorsOf(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const made = await shop.orders.requestReturn(order.id, {
        lines: chosen.map((line) => ({ lineId: line.id, quantity: quantities[line.id], reason: reason.trim() || undefined })),
      });
      setQuantities({});
      setReason('');
      onRequested(made);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="return-form-heading">
      <h3 id="return-form-heading">Return something</h3>
      {lines.map((line) => (
        <Field
          key={line.id}
          label={`How many ${describe(line)} to return`}
          hint={`Up to ${returnable.get(line.id)}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={returnable.get(line.id)}
          value={quantities[line.id] ?? 0}
          onChange={(e) => setQuantities({ ...quantities, [line.id]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
          error={fieldErrors[`lines.${chosen.indexOf(line)}.quantity`]}
        />
      ))}
      <Field label="Why are you returning it? (optional)" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <ErrorAlert error={error} />
      <button type="submit" className="primary" disabled={busy || chosen.length === 0}>
        {busy ? 'Sending…' : 'Request return'}
      </button>
    </form>
  );
}
