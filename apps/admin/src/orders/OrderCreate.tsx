import { Create } from 'react-admin';
import { OrderForm } from './OrderForm';
import { toDraftBody } from './orderForm';

/** "Create order": a phone or counter order, saved as a draft (no stock taken, no number) and placed from its page. */
export const OrderCreate = () => (
  <Create
    redirect="show"
    title="New order (draft)"
    record={{ buyer: 'customer', lines: [{ quantity: 1 }], paymentMethod: 'cash_on_delivery', shippingAddress: { country: '' } }}
  >
    <OrderForm toBody={toDraftBody} saveLabel="Save draft" />
  </Create>
);
