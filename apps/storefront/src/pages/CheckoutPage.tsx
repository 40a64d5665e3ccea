import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { CHECKOUT_PAYMENT_METHODS, type PaymentMethod, type ShippingAddress } from '@chance/client';
import { shop } from '../shop';
import { useCart } from '../state/cart';
import { useUser } from '../state/session';
import { ErrorAlert, Field, Loading, PageHeading, words } from '../components/ui';
import { CouponForm, Totals } from '../components/CartSummary';
import { fieldErrorsOf } from '../components/messages';

const METHOD_LABELS: Record<PaymentMethod, string> = {
  card: 'Card (pay now)',
  bank_transfer: 'Bank transfer',
  mobile_wallet: 'Mobile wallet',
  cash_on_delivery: 'Cash on delivery',
};

/**
 * Address, payment method and coupon, then one checkout call. Placing the order twice (a double
 * click, a retry after a lost answer) sends the same Idempotency-Key, so there is one order.
 */
export default function CheckoutPage() {
  const user = useUser();
  const { cart, loading, reload } = useCart();
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState<ShippingAddress>({
    name: user?.profile.fullName ?? '',
    line1: '',
    line2: '',
    city: '',
    postalCode: '',
    country: '',
    phone: user?.profile.phone ?? '',
  });
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethod>('card');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [placed, setPlaced] = useState<number | null>(null);

  // before the empty-cart redirect: the order's page, once the cart it came from is closed
  if (placed) return <Navigate to={`/orders/${placed}`} state={{ placed: true }} replace />;
  if (loading && !cart) return <Loading />;
  if (!cart || cart.items.length === 0) return <Navigate to="/cart" replace />;
  const fields = fieldErrorsOf(error);
  const addressError = (name: keyof ShippingAddress) => fields[`shippingAddress.${name}`] ?? fields[name];
  const set = (name: keyof ShippingAddress) => (e: { target: { value: string } }) => setAddress({ ...address, [name]: e.target.value });

  async function placeOrder(event: FormEvent) {
    event.preventDefault();
    if (!cart) return;
    setBusy(true);
    setError(null);
    try {
      const shippingAddress: ShippingAddress = {
        name: address.name,
        line1: address.line1,
        city: address.city,
        postalCode: address.postalCode,
        country: address.country,
      };
      if (address.line2) shippingAddress.line2 = address.line2;
      if (address.phone) shippingAddress.phone = address.phone;
      const order = await shop.orders.checkout({ cartId: cart.id, ...(user ? {} : { email }), shippingAddress, paymentMethod });
      setPlaced(order.id);
      void reload(); // the cart is closed
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>Checkout</PageHeading>
      <div className="checkout">
        <form onSubmit={placeOrder} className="checkout-form" noValidate aria-describedby="checkout-required">
          <p id="checkout-required" className="muted">
            Fields marked * are required.
          </p>
          <fieldset>
            <legend>Contact</legend>
            {user ? (
              <p>
                Signed in as <strong>{user.email}</strong>
              </p>
            ) : (
              <>
                <Field
                  label="E-mail"
                  type="email"
                  name="email"
                  autoComplete="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  error={fields.email}
                />
                <p className="muted">
                  Have an account? <Link to="/signin?next=/checkout">Sign in</Link> and your cart comes with you.
                </p>
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>Shipping address</legend>
            <Field label="Full name" name="name" autoComplete="name" required value={address.name} onChange={set('name')} error={addressError('name')} />
            <Field
              label="Address"
              name="line1"
              autoComplete="address-line1"
              required
              value={address.line1}
              onChange={set('line1')}
              error={addressError('line1')}
            />
            <Field
              label="Apartment, suite (optional)"
              name="line2"
              autoComplete="address-line2"
              value={address.line2 ?? ''}
              onChange={set('line2')}
              error={addressError('line2')}
            />
            <Field label="City" name="city" autoComplete="address-level2" required value={address.city} onChange={set('city')} error={addressError('city')} />
            <Field
              label="Postal code"
              name="postalCode"
              autoComplete="postal-code"
              required
              value={address.postalCode}
              onChange={set('postalCode')}
              error={addressError('postalCode')}
            />
            <Field
              label="Country"
              name="country"
              autoComplete="country"
              required
              hint="Two-letter code, for example US or GB"
              maxLength={2}
              value={address.country}
              onChange={(e) => setAddress({ ...address, country: e.target.value.toUpperCase() })}
              error={addressError('country')}
            />
            <Field
              label="Phone (optional)"
              name="phone"
              type="tel"
              autoComplete="tel"
              value={address.phone ?? ''}
              onChange={set('phone')}
              error={addressError('phone')}
            />
          </fieldset>
          <fieldset>
            <legend>Payment method</legend>
            {CHECKOUT_PAYMENT_METHODS.map((method) => (
              <div className="field field-radio" key={method}>
                <input
                  id={`method-${method}`}
                  type="radio"
                  name="paymentMethod"
                  value={method}
                  checked={paymentMethod === method}
                  onChange={() => setPaymentMethod(method)}
                />
                <label htmlFor={`method-${method}`}>{METHOD_LABELS[method] ?? words(method)}</label>
              </div>
            ))}
            {paymentMethod === 'card' ? <p className="muted">You pay by card on the next page, once your order is placed.</p> : null}
          </fieldset>
          <ErrorAlert error={error}>{fields && Object.keys(fields).length > 0 ? <p>Please correct the fields marked above.</p> : null}</ErrorAlert>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Placing your order…' : 'Place order'}
          </button>
        </form>
        <section aria-labelledby="order-summary-heading" className="summary">
          <h2 id="order-summary-heading">Order summary</h2>
          <ul className="summary-lines">
            {cart.items.map((item) => (
              <li key={item.id}>
                {item.quantity} × {item.productName}
              </li>
            ))}
          </ul>
          <CouponForm cart={cart} />
          <Totals totals={cart} />
        </section>
      </div>
    </>
  );
}
