import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsNotEmpty,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsMinorUnits } from '@chance/core';
import { CHECKOUT_METHODS } from '../order-rules.js';
import { ShippingAddressDto } from './order.dto.js';

export class OrderLineInputDto {
  @ApiPropertyOptional({ description: 'An existing line of the order: it keeps its snapshot (name, price, cost) unless its variant changes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  lineId?: number;

  @ApiProperty() @IsInt() @Min(1) variantId: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100_000) quantity: number;

  @ApiPropertyOptional({
    description: 'Minor units: overrides the price (a price match; the audit log records who set it). Default: the catalog’s price, or the line’s snapshot',
  })
  @IsOptional()
  @IsMinorUnits()
  unitPrice?: number;
}

/** POST /api/admin/orders: a draft (docs/api.md#draft-orders-and-order-editing), for a customer account or a guest e-mail. */
export class CreateDraftOrderDto {
  @ApiPropertyOptional({ description: 'The customer account; or `email` for a guest' }) @IsOptional() @IsInt() @Min(1) customerId?: number;

  @ApiPropertyOptional({ description: 'A guest’s e-mail; or `customerId`' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiProperty({ type: [OrderLineInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'an order has at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OrderLineInputDto)
  lines: OrderLineInputDto[];

  @ApiProperty({ type: ShippingAddressDto })
  @IsObject({ message: 'must be an address object' })
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  shippingAddress: ShippingAddressDto;

  @ApiProperty({ enum: CHECKOUT_METHODS })
  @IsIn(CHECKOUT_METHODS as unknown as string[], { message: `must be one of ${CHECKOUT_METHODS.join(', ')}` })
  paymentMethod: (typeof CHECKOUT_METHODS)[number];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'A coupon code; null removes the coupon (and gives its use back)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  couponCode?: string | null;
}

/**
 * PUT /api/admin/orders/:id: a draft's fields, or a placed (pending or processing) order's lines,
 * address and coupon. `lines`, when given, is the whole new list.
 */
export class UpdateOrderDto {
  @ApiPropertyOptional({ description: 'Drafts only' }) @IsOptional() @IsInt() @Min(1) customerId?: number;

  @ApiPropertyOptional({ description: 'Drafts only: a guest’s e-mail' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: [OrderLineInputDto], description: 'The whole new list of lines' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'an order has at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OrderLineInputDto)
  lines?: OrderLineInputDto[];

  @ApiPropertyOptional({ type: ShippingAddressDto })
  @IsOptional()
  @IsObject({ message: 'must be an address object' })
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  shippingAddress?: ShippingAddressDto;

  @ApiPropertyOptional({ enum: CHECKOUT_METHODS, description: 'Drafts only' })
  @IsOptional()
  @IsIn(CHECKOUT_METHODS as unknown as string[], { message: `must be one of ${CHECKOUT_METHODS.join(', ')}` })
  paymentMethod?: (typeof CHECKOUT_METHODS)[number];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'A coupon code; null removes the coupon (and gives its use back)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  couponCode?: string | null;
}
