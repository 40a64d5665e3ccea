import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError, type Order } from '@chance/client';
import { shop } from '../shop';
import { useAsync } from '../state/useAsync';
import { useUser } from '../state/session';
import { ErrorAlert, formatDate, Loading, Money, PageHeading, Status, words } from '../components/ui';
import { Totals } from '../components/CartSummary';
import { DownloadButton } from '../components/DownloadButton';
import { OrderReturns } from '../components/OrderReturns';
import { cardTokenizer } from '../payment';

/**
 * One order (the customer's, or a guest's remembered on this device): lines, totals, status,
 * card payment while a balance is due, the invoice PDF, its returns and credit notes, and a return
 * request once it is delivered (docs/api.md#refunds-and-returns).
 */
export default function OrderPage() {
  const id = Number(useParams().id);
  const placed = (useLocation().state as { placed?: boolean } | null)?.placed === true;
  const order = useAsync(() => shop.orders.get(id), [id]);
  // returns and credit notes: read beside the order, reloaded with it after a return request
  const after = useAsync(() => Promise.all([shop.orders.returns(id), shop.orders.creditNotes(id)]), [id]);
  const user = useUser();
  const [justPaid, setJustPaid] = useState(false);

  if (order.loading && !order.data) return <Loading />;
  if (!order.data) {
    return (
      <>
        <PageHeading>Order not found</PageHeading>
        <ErrorAlert error={order.error} />
        <p>{user ? <Link to="/account/orders">Your orders</Link> : <Link to="/signin">Sign in to see your orders</Link>}</p>
      </>
    );
  }
  const o = order.data;
  const payable = o.paymentMethod === 'card' && o.balanceDue > 0 && o.status !== 'cancelled';

  return (
    <>
      <PageHeading title={`Order ${o.number}`}>Order {o.number}</PageHeading>
      {placed ? <Status>Thank you! Your order {o.number} has been placed.</Status> : null}
      <dl className="facts">
        <dt>Placed</dt>
        <dd>{formatDate(o.placedAt, true)}</dd>
        <dt>Status</dt>
        <dd data-testid="order-status">{words(o.status)}</dd>
        <dt>Payment</dt>
        <dd data-testid="payment-status">
          {words(o.paymentStatus)} · {words(o.paymentMethod)}
        </dd>
        <dt>Estimated delivery</dt>
        <dd>{formatDate(o.estimatedDeliveryDate)}</dd>
        <dt>Ship to</dt>
        <dd>
          {o.shippingAddress.name}, {o.shippingAddress.line1}
          {o.shippingAddress.line2 ? `, ${o.shippingAddress.line2}` : ''}, {o.shippingAddress.postalCode} {o.shippingAddress.city}, {o.shippingAddress.country}
        </dd>
      </dl>
      {justPaid ? <Status>Payment received. Thank you!</Status> : null}
      {payable ? (
        <CardPayment
          order={o}
          onPaid={(paid) => {
            order.set(paid);
            setJustPaid(true);
          }}
          onChanged={order.set}
        />
      ) : null}
      <table className="cart-table">
        <caption>Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Price</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {o.lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.productName}
                <div className="muted">
                  {Object.entries(line.attributes)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(', ')}
                </div>
              </td>
              <td>
                <Money amount={line.unitPrice} />
              </td>
              <td>{line.quantity}</td>
              <td>
                <Money amount={line.lineTotal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cart-footer">
        <div className="actions">
          {o.invoiceId ? (
            <DownloadButton label="Download invoice (PDF)" filename={`invoice-${o.number}.pdf`} fetch={() => shop.orders.invoicePdf(o.id)} />
          ) : null}
        </div>
        <section aria-labelledby="order-totals-heading" className="summary">
          <h2 id="order-totals-heading">Totals</h2>
          <Totals totals={o} />
          {o.paidAmount > 0 ? (
            <p>
              Paid <Money amount={o.paidAmount} />
            </p>
          ) : null}
          {o.refundedAmount > 0 ? (
            <p>
              Refunded <Money amount={o.refundedAmount} />
            </p>
          ) : null}
          {o.balanceDue > 0 && o.status !== 'cancelled' ? (
            <p>
              Balance due <Money amount={o.balanceDue} />
            </p>
          ) : null}
        </section>
      </div>
      {after.data ? (
        <OrderReturns
          order={o}
          returns={after.data[0]}
          creditNotes={after.data[1]}
          onRequested={() => {
            after.reload();
            order.reload();
          }}
        />
      ) : (
        <ErrorAlert error={after.error} />
      )}
    </>
  );
}

/**
 * Pays the balance by card. A declined card leaves the order unpaid: the message says so and the
 * form stays, so the shopper can try again (each try is a new attempt with a new key; a retry of
 * an unanswered try reuses its key and is never charged twice).
 */
function CardPayment({ order, onPaid, onChanged }: { order: Order; onPaid: (order: Order) => void; onChanged: (order: Order) => void }) {
  const [token, setToken] = useState(cardTokenizer.testCards[0].token);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function pay(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onPaid(await shop.orders.pay(order.id, token));
    } catch (e) {
      setError(e);
      // a payment still being confirmed: show its latest state
      if (isApiError(e, 'IDEMPOTENCY_IN_PROGRESS', 'SERVICE_UNAVAILABLE')) shop.orders.get(order.id).then(onChanged, () => undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="pay-heading" className="card payment">
      <h2 id="pay-heading">
        Pay <Money amount={order.balanceDue} /> by card
      </h2>
      <form onSubmit={pay}>
        <fieldset>
          <legend>Card</legend>
          {cardTokenizer.testCards.map((card) => (
            <div className="field field-radio" key={card.token}>
              <input
                id={`card-${card.token}`}
                type="radio"
                name="card"
                value={card.token}
                checked={token === card.token}
                onChange={() => setToken(card.token)}
              />
              <label htmlFor={`card-${card.token}`}>{card.label}</label>
            </div>
          ))}
        </fieldset>
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Paying…' : error ? 'Try again' : 'Pay now'}
        </button>
      </form>
    </section>
  );
}
