import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { BulkIdsDto, IsMinorUnits } from '@chance/core';
import { CHECKOUT_METHODS, ORDER_STATUSES, ORDER_VIEW_STATUSES, PAYMENT_METHODS, PAYMENT_ROW_STATUSES, PAYMENT_VIEW_STATUSES } from '../order-rules.js';

export class ShippingAddressDto {
  @ApiProperty({ example: 'Ada Lovelace' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: '12 Analytical Way' }) @IsString() @IsNotEmpty() @MaxLength(300) line1: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) line2?: string;
  @ApiProperty({ example: 'London' }) @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @ApiProperty({ example: 'N1 9GU' }) @IsString() @IsNotEmpty() @MaxLength(20) postalCode: string;
  @ApiProperty({ example: 'GB' }) @IsString() @IsNotEmpty() @MaxLength(100) country: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'must be a phone number' }) phone?: string;
}

export class CheckoutDto {
  @ApiProperty() @IsInt() @Min(1) cartId: number;

  @ApiPropertyOptional({ description: 'Required for guests; signed-in customers use their account’s e-mail' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiProperty({ type: ShippingAddressDto })
  @IsObject({ message: 'must be an address object' })
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  shippingAddress: ShippingAddressDto;

  @ApiProperty({ enum: CHECKOUT_METHODS })
  @IsIn(CHECKOUT_METHODS as unknown as string[], { message: `must be one of ${CHECKOUT_METHODS.join(', ')}` })
  paymentMethod: (typeof CHECKOUT_METHODS)[number];
}

export class RecordPaymentDto {
  @ApiProperty({ example: 2500, description: 'Positive, minor units, at most the balance due' })
  @IsInt({ message: 'must be a whole number of minor units (cents)' })
  @Min(1, { message: 'must be a positive amount' })
  @IsMinorUnits()
  amount: number;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS as unknown as string[], { message: `must be one of ${PAYMENT_METHODS.join(', ')}` })
  method: (typeof PAYMENT_METHODS)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reference?: string;
}

export class MarkPaidDto {
  @ApiPropertyOptional({ enum: PAYMENT_METHODS, description: 'Default: the order’s payment method' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS as unknown as string[], { message: `must be one of ${PAYMENT_METHODS.join(', ')}` })
  method?: (typeof PAYMENT_METHODS)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reference?: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: ORDER_STATUSES })
  @IsIn(ORDER_STATUSES as unknown as string[], { message: `must be one of ${ORDER_STATUSES.join(', ')}` })
  status: (typeof ORDER_STATUSES)[number];
}

/** `POST /api/admin/orders/bulk-status`: the move of POST /:id/status, for each order named. */
export class BulkOrderStatusDto extends BulkIdsDto {
  @ApiProperty({ enum: ORDER_STATUSES, example: 'shipped' })
  @IsIn(ORDER_STATUSES as unknown as string[], { message: `must be one of ${ORDER_STATUSES.join(', ')}` })
  status: (typeof ORDER_STATUSES)[number];
}

export class OnlinePaymentDto {
  @ApiProperty({ example: 'tok_visa', description: 'From the payment provider’s client SDK (test provider: tok_visa, tok_declined)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  paymentToken: string;
}

export class OrderLineView {
  @ApiProperty({ example: 101 }) id: number;
  @ApiProperty({ example: 5 }) productId: number;
  @ApiProperty({ example: 12 }) variantId: number;
  @ApiProperty({ example: 'Linen shirt' }) productName: string;
  @ApiProperty({ example: 'SHIRT-LIN-M-BLU' }) sku: string;
  @ApiProperty({ example: { size: 'M', colour: 'blue' }, type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty({ example: 1999 }) unitPrice: number;
  @ApiPropertyOptional({ example: 850, description: 'Admin responses only' }) costPrice?: number;
  @ApiPropertyOptional({ example: false, description: 'Admin responses only: staff set the unit price by hand (the audit log says who)' })
  priceOverridden?: boolean;
  @ApiProperty({ example: 0 }) shippingCost: number;
  @ApiProperty({ example: 3 }) estimatedDeliveryDays: number;
  @ApiProperty({ example: 2 }) quantity: number;
  @ApiProperty({ example: 3998 }) lineTotal: number;
  @ApiProperty({
    example: '/media/products/5/1-thumb.webp',
    nullable: true,
    type: String,
    description: "The product image's thumbnail when the line was recorded (a snapshot), or null",
  })
  thumbnailUrl: string | null;
}

export class PaymentView {
  @ApiProperty({ example: 88 }) id: number;
  @ApiProperty({ example: 42 }) orderId: number;
  @ApiProperty({ example: 4138 }) amount: number;
  @ApiProperty({ example: 'card', enum: PAYMENT_METHODS }) method: string;
  @ApiProperty({ example: 'ch_3PqR8s', nullable: true, type: String }) reference: string | null;
  @ApiProperty({
    example: 'succeeded',
    enum: PAYMENT_ROW_STATUSES,
    description:
      'pending: a card charge being confirmed; failed: a declined or incomplete charge (never counted); succeeded; refunded: all of it given back. Only succeeded and refunded payments count towards paidAmount.',
  })
  status: string;
  @ApiProperty({ example: 0, description: 'What was given back of this payment (equals amount once refunded)' }) refundedAmount: number;
  @ApiProperty({
    example: '2026-12-07T09:50:00.000Z',
    format: 'date-time',
    description: 'When it was received (a pending or failed charge: when it was attempted)',
  })
  paidAt: Date;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) refundedAt: Date | null;
  @ApiProperty({ example: null, nullable: true, type: Number }) recordedById: number | null;
}

export class OrderView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'ORD-000042', nullable: true, type: String, description: 'null while a draft: given when it is placed' }) number: string | null;
  @ApiProperty({ nullable: true, type: Number }) customerId: number | null;
  @ApiProperty() email: string;
  @ApiProperty({
    enum: ORDER_VIEW_STATUSES,
    enumName: 'OrderStatus',
    description:
      'pending → processing → shipped → delivered; cancelled (from pending or processing); returned (every unit back and refunded); ' +
      'draft (back office only, not yet placed). A client shows any value it does not know as is (docs/api.md#order-statuses).',
  })
  status: string;
  @ApiProperty({
    enum: PAYMENT_VIEW_STATUSES,
    enumName: 'OrderPaymentStatus',
    description: 'Derived from the payments and refunds, never set by hand (docs/api.md#order-statuses)',
  })
  paymentStatus: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) paymentMethod: string;
  @ApiProperty({ type: [OrderLineView] }) lines: OrderLineView[];
  @ApiProperty({ nullable: true, type: String }) couponCode: string | null;
  @ApiProperty() subtotal: number;
  @ApiProperty() discountTotal: number;
  @ApiProperty() shippingTotal: number;
  @ApiProperty() taxRateBps: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'What was ever paid (refunds are counted apart); 0 once cancelled' }) paidAmount: number;
  @ApiProperty({ description: 'What was given back (refunds that succeeded); once cancelled, what had been paid' }) refundedAmount: number;
  @ApiProperty({ description: 'total − paidAmount (refunds do not change it); 0 once cancelled' }) balanceDue: number;
  @ApiProperty({ type: ShippingAddressDto }) shippingAddress: ShippingAddressDto;
  @ApiProperty({ example: '2026-11-28' }) estimatedDeliveryDate: string;
  @ApiProperty({ format: 'date-time' }) placedAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When it became delivered: the return window counts from here' })
  deliveredAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) invoiceId: number | null;
  @ApiPropertyOptional({ description: 'Guest orders, in the checkout response only: send it as X-Order-Token to read the order' }) accessToken?: string;
  @ApiPropertyOptional({ type: [PaymentView], description: 'Admin responses only' }) payments?: PaymentView[];
}
