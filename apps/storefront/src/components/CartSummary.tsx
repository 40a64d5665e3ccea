import { useState, type FormEvent } from 'react';
import type { Cart } from '@chance/client';
import { shop } from '../shop';
import { useCart } from '../state/cart';
import { ErrorAlert, Field, Money } from './ui';

/** The totals as the API computed them (docs/api.md#totals): never recomputed here. */
export function Totals({
  totals,
}: {
  totals: Pick<Cart, 'subtotal' | 'discountTotal' | 'shippingTotal' | 'taxTotal' | 'total' | 'taxRateBps'> & { couponCode?: string | null };
}) {
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd>
        <Money amount={totals.subtotal} />
      </dd>
      {totals.discountTotal > 0 ? (
        <>
          <dt>Discount{totals.couponCode ? ` (${totals.couponCode})` : ''}</dt>
          <dd>
            −<Money amount={totals.discountTotal} />
          </dd>
        </>
      ) : null}
      <dt>Shipping</dt>
      <dd>
        <Money amount={totals.shippingTotal} />
      </dd>
      <dt>Tax ({(totals.taxRateBps / 100).toString()} %)</dt>
      <dd>
        <Money amount={totals.taxTotal} />
      </dd>
      <dt className="total">Total</dt>
      <dd className="total">
        <Money amount={totals.total} />
      </dd>
    </dl>
  );
}

/** Apply or remove a coupon on the cart; refusals say why (the codes of docs/api.md#coupons). */
export function CouponForm({ cart }: { cart: Cart }) {
  const { update } = useCart();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function apply(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await update(() => shop.cart.applyCoupon(cart.id, code.trim()));
      setCode('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await update(() => shop.cart.removeCoupon(cart.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="coupon">
      {cart.couponCode ? (
        <p>
          Coupon <strong>{cart.couponCode}</strong> applied.{' '}
          <button type="button" className="link-button" onClick={remove} disabled={busy}>
            Remove coupon
          </button>
        </p>
      ) : (
        <form onSubmit={apply} className="inline-form" aria-label="Coupon">
          <Field label="Coupon code" name="coupon" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" required />
          <button type="submit" disabled={busy || !code.trim()}>
            Apply coupon
          </button>
        </form>
      )}
      {cart.couponError ? (
        <p className="field-error" role="status">
          The coupon gives no discount right now ({cart.couponError.toLowerCase().replace(/_/g, ' ')}).
        </p>
      ) : null}
      <ErrorAlert error={error} />
    </div>
  );
}
