import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class AddCartItemDto {
  @ApiProperty() @IsInt() @Min(1) variantId: number;
  @ApiProperty({ minimum: 1, example: 2 }) @IsInt() @Min(1) @Max(10_000) quantity: number;
}

export class UpdateCartItemDto {
  @ApiProperty({ minimum: 1, example: 3 }) @IsInt() @Min(1) @Max(10_000) quantity: number;
}

export class CartItemView {
  @ApiProperty() id: number;
  @ApiProperty() variantId: number;
  @ApiProperty() productId: number;
  @ApiProperty() productName: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty({ description: 'Live effective price, minor units' }) unitPrice: number;
  @ApiProperty() quantity: number;
  @ApiProperty() lineTotal: number;
  @ApiProperty({ description: 'Per unit' }) shippingCost: number;
  @ApiProperty({ description: 'False when the product was withdrawn or stock no longer covers the quantity' }) available: boolean;
}

export class CartView {
  @ApiProperty() id: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Guest carts, on creation only: send it as X-Cart-Token' }) token?: string | null;
  @ApiProperty({ nullable: true, type: Number }) customerId: number | null;
  @ApiProperty({ enum: ['active', 'merged', 'checked_out'] }) status: string;
  @ApiProperty({ type: [CartItemView] }) items: CartItemView[];
  @ApiProperty({ nullable: true, type: String }) couponCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the coupon gives no discount now (a coupon code of docs/api.md#coupons)' }) couponError:
    string | null;
  @ApiProperty() subtotal: number;
  @ApiProperty() discountTotal: number;
  @ApiProperty() shippingTotal: number;
  @ApiProperty() taxRateBps: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty() total: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', description: 'Last activity' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Admin responses: the owner’s e-mail (null for guests)' }) customerEmail?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Admin responses: the owner’s name' }) customerName?: string | null;
}
