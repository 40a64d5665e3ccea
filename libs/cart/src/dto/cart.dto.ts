import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class AddCartItemDto {
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) variantId: number;
  @ApiProperty({ minimum: 1, example: 2 }) @IsInt() @Min(1) @Max(10_000) quantity: number;
}

export class UpdateCartItemDto {
  @ApiProperty({ minimum: 1, example: 3 }) @IsInt() @Min(1) @Max(10_000) quantity: number;
}

export class CartItemView {
  @ApiProperty({ example: 7 }) id: number;
  @ApiProperty({ example: 12 }) variantId: number;
  @ApiProperty({ example: 5 }) productId: number;
  @ApiProperty({ example: 'Linen shirt' }) productName: string;
  @ApiProperty({ example: 'SHIRT-LIN-M-BLU' }) sku: string;
  @ApiProperty({ example: { size: 'M', colour: 'blue' }, type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty({ example: 1999, description: 'Live effective price, minor units' }) unitPrice: number;
  @ApiProperty({ example: 2 }) quantity: number;
  @ApiProperty({ example: 3998 }) lineTotal: number;
  @ApiProperty({ example: 0, description: 'Per unit' }) shippingCost: number;
  @ApiProperty({ example: true, description: 'False when the product was withdrawn or stock no longer covers the quantity' }) available: boolean;
}

export class CartView {
  @ApiProperty({ example: 31 }) id: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Guest carts, on creation only: send it as X-Cart-Token' }) token?: string | null;
  @ApiProperty({ example: null, nullable: true, type: Number }) customerId: number | null;
  @ApiProperty({ example: 'active', enum: ['active', 'merged', 'checked_out'] }) status: string;
  @ApiProperty({ type: [CartItemView] }) items: CartItemView[];
  @ApiProperty({ example: 'WELCOME10', nullable: true, type: String }) couponCode: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Why the coupon gives no discount now (a coupon code of docs/api.md#coupons)' })
  couponError: string | null;
  @ApiProperty({ example: 3998 }) subtotal: number;
  @ApiProperty({ example: 400 }) discountTotal: number;
  @ApiProperty({ example: 0 }) shippingTotal: number;
  @ApiProperty({ example: 1500 }) taxRateBps: number;
  @ApiProperty({ example: 540 }) taxTotal: number;
  @ApiProperty({ example: 4138 }) total: number;
  @ApiProperty({ example: '2026-12-07T09:30:00.000Z', format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-12-07T09:42:00.000Z', format: 'date-time', description: 'Last activity' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Admin responses: the owner’s e-mail (null for guests)' }) customerEmail?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Admin responses: the owner’s name' }) customerName?: string | null;
}
