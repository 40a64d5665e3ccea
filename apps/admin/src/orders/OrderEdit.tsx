import { Edit } from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import type { Order } from '../common-sales/types';
import { OrderForm } from './OrderForm';
import { formLinesOf, toEditBody, type OrderFormValues } from './orderForm';

/** A placed order takes its lines, address and coupon; a draft also its payment method. */
const bodyOf = (values: OrderFormValues, order?: Order) => ({
  ...toEditBody(values),
  ...(order?.status === 'draft' ? { paymentMethod: values.paymentMethod } : {}),
});

/**
 * "Edit order" (drafts, pending and processing orders): the form starts from the order's lines;
 * the summary shows totals and stock before → after while staff type, before anything is saved;
 * below it, the order's history (each edit's before and after, lines included).
 */
export const OrderEdit = () => (
  <Edit<Order> mutationMode="pessimistic" redirect="show" queryOptions={{ select: (order: Order) => ({ ...order, lines: formLinesOf(order) }) as never }}>
    <OrderForm toBody={bodyOf} saveLabel="Save changes" />
    <HistoryPanel />
  </Edit>
);
