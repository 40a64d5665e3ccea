import { Link, useSearchParams } from 'react-router-dom';
import { pageRange } from '@chance/client';
import { shop } from '../shop';
import { useAsync } from '../state/useAsync';
import { ErrorAlert, formatDate, Loading, Money, PageHeading, Pagination, words } from '../components/ui';

const PER_PAGE = 10;

/** The signed-in customer's orders, newest first. */
export default function OrdersPage() {
  const [params] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const orders = useAsync(() => shop.orders.list({ range: pageRange(page, PER_PAGE) }), [page]);

  return (
    <>
      <PageHeading>Your orders</PageHeading>
      {orders.loading ? <Loading /> : null}
      <ErrorAlert error={orders.error} />
      {orders.data && orders.data.total === 0 ? (
        <p>
          No orders yet. <Link to="/products">Start shopping</Link>
        </p>
      ) : null}
      {orders.data && orders.data.total > 0 ? (
        <table className="cart-table">
          <caption className="visually-hidden">Your orders</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Status</th>
              <th scope="col">Payment</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {orders.data.items.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link to={`/orders/${order.id}`}>{order.number}</Link>
                </td>
                <td>{formatDate(order.placedAt)}</td>
                <td>{words(order.status)}</td>
                <td>{words(order.paymentStatus)}</td>
                <td>
                  <Money amount={order.total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {orders.data ? (
        <Pagination page={page} perPage={PER_PAGE} total={orders.data.total} hrefFor={(p) => (p ? `/account/orders?page=${p}` : '/account/orders')} />
      ) : null}
    </>
  );
}
