import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CartItem } from '@chance/client';
import { shop } from '../shop';
import { useCart } from '../state/cart';
import { ErrorAlert, Loading, Money, PageHeading } from '../components/ui';
import { CouponForm, Totals } from '../components/CartSummary';

const attributesText = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');

/** The cart: lines with quantities, coupon, totals, and the way to checkout. */
export default function CartPage() {
  const { cart, loading, update } = useCart();
  const [error, setError] = useState<unknown>(null);
  const [busyItem, setBusyItem] = useState<number | null>(null);

  async function change(item: CartItem, run: () => Promise<unknown>) {
    setBusyItem(item.id);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(e);
    } finally {
      setBusyItem(null);
    }
  }

  if (loading && !cart) return <Loading />;
  if (!cart || cart.items.length === 0) {
    return (
      <>
        <PageHeading>Your cart</PageHeading>
        <p>Your cart is empty.</p>
        <p>
          <Link to="/products">Find something you like</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeading>Your cart</PageHeading>
      <ErrorAlert error={error} />
      <table className="cart-table">
        <caption className="visually-hidden">Items in your cart</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Price</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cart.items.map((item) => (
            <tr key={item.id} data-sku={item.sku}>
              <td>
                <Link to={`/products/${item.productId}`}>{item.productName}</Link>
                {Object.keys(item.attributes).length > 0 ? <div className="muted">{attributesText(item.attributes)}</div> : null}
                {!item.available ? <div className="field-error">No longer available in this quantity</div> : null}
              </td>
              <td>
                <Money amount={item.unitPrice} />
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`quantity-${item.id}`}>
                  Quantity of {item.productName}
                </label>
                <input
                  id={`quantity-${item.id}`}
                  className="quantity"
                  type="number"
                  min={1}
                  defaultValue={item.quantity}
                  key={`${item.id}-${item.quantity}`}
                  disabled={busyItem === item.id}
                  onBlur={(e) => {
                    const quantity = Number(e.target.value);
                    if (Number.isInteger(quantity) && quantity >= 1 && quantity !== item.quantity) {
                      void change(item, () => update(() => shop.cart.setQuantity(cart.id, item.id, quantity)));
                    }
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') e.currentTarget.blur();
                  }}
                />
              </td>
              <td>
                <Money amount={item.lineTotal} />
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  disabled={busyItem === item.id}
                  onClick={() => change(item, () => update(() => shop.cart.remove(cart.id, item.id)))}
                >
                  Remove<span className="visually-hidden"> {item.productName}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cart-footer">
        <CouponForm cart={cart} />
        <section aria-labelledby="summary-heading" className="summary">
          <h2 id="summary-heading">Summary</h2>
          <Totals totals={cart} />
          <Link to="/checkout" className="button primary">
            Go to checkout
          </Link>
        </section>
      </div>
    </>
  );
}
