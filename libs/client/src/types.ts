/** Friendly names for the API's records and request bodies, all generated from its OpenAPI document. */
import type { components } from './schema.js';

type Schemas = components['schemas'];

export type StoreInfo = Schemas['StoreInfoView'];
export type Category = Schemas['CategoryView'];
export type Product = Schemas['StoreProductView'];
export type Variant = Schemas['VariantView'];
/** docs/api.md#catalog-media: `url` the large size, `thumbnailUrl` the thumbnail, both under /media/ (immutable). */
export type ProductImage = Schemas['ProductImageView'];
export type Cart = Schemas['CartView'];
export type CartItem = Schemas['CartItemView'];
export type Order = Schemas['OrderView'];
export type OrderLine = Schemas['OrderLineView'];
export type Invoice = Schemas['InvoiceView'];
/** docs/api.md#refunds-and-returns: one per refund; the PDF needs the order's credentials. */
export type CreditNote = Schemas['CreditNoteView'];
export type Return = Schemas['ReturnView'];
export type ReturnRequest = Schemas['RequestReturnDto'];
export type ShippingAddress = Schemas['ShippingAddressDto'];
export type CheckoutInput = Schemas['CheckoutDto'];
export type PaymentMethod = CheckoutInput['paymentMethod'];
export type OrderStatus = Order['status'];
export type PaymentStatus = Order['paymentStatus'];
export type ServiceType = Schemas['ServiceTypeView'];
export type Booking = Schemas['BookingView'];
export type BookingInput = Schemas['StoreBookingDto'];
export type Notification = Schemas['NotificationViewDoc'];
export type Profile = Schemas['ProfileView'];
export type ProfileInput = Schemas['UpdateProfileDto'];
export type RegisterInput = Schemas['RegisterDto'];
export type LoginInput = Schemas['LoginDto'];

/** What checkout accepts (docs/api.md#checkout: every method but cash). */
export const CHECKOUT_PAYMENT_METHODS: readonly PaymentMethod[] = ['card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'];

/** The filters of GET /api/store/products (docs/api.md#catalog-and-stock). */
export interface ProductFilter {
  q?: string;
  /** that category and every category below it; several: any of them */
  categoryId?: number | number[];
  /** exact: the product a page addressed by its URL name shows */
  slug?: string;
  inStock?: boolean;
  /** minor units */
  price_gte?: number;
  price_lte?: number;
  id?: number[];
}

export type ProductSort = 'id' | 'name' | 'price' | 'createdAt';
