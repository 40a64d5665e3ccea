import { downloadCSV, type Exporter } from 'react-admin';
import { orderPaymentStatusLooks, orderStatusLooks, paymentMethodText } from '../common-sales/labels';
import type { Order } from '../common-sales/types';
import { minorUnitsToDecimal } from '../money/money';
import { toCsv } from '../products/productExporter';

/** The orders export: one line per order, amounts as plain decimals in the store currency. */
export const orderExporter =
  (currency: string): Exporter<Order> =>
  (orders) => {
    const money = (amount: number) => minorUnitsToDecimal(amount, currency);
    const header = [
      'Order',
      'Placed at (UTC)',
      'E-mail',
      'Customer account',
      'Status',
      'Payment status',
      'Payment method',
      'Items',
      'Coupon',
      `Subtotal (${currency})`,
      `Discount (${currency})`,
      `Shipping (${currency})`,
      `Tax (${currency})`,
      `Total (${currency})`,
      `Paid (${currency})`,
      `Balance due (${currency})`,
    ];
    const rows = orders.map((order) => [
      order.number,
      order.placedAt,
      order.email,
      order.customerId == null ? 'guest' : order.customerId,
      orderStatusLooks[order.status]?.label ?? order.status,
      orderPaymentStatusLooks[order.paymentStatus]?.label ?? order.paymentStatus,
      paymentMethodText(order.paymentMethod),
      order.lines.reduce((units, line) => units + line.quantity, 0),
      order.couponCode ?? '',
      money(order.subtotal),
      money(order.discountTotal),
      money(order.shippingTotal),
      money(order.taxTotal),
      money(order.total),
      money(order.paidAmount),
      money(order.balanceDue),
    ]);
    downloadCSV(toCsv(header, rows), 'orders');
  };
