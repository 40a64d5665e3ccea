import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsMinorUnits } from '@chance/core';
import { RETURN_STATUSES } from '../return-rules.js';

export const REFUND_METHODS = ['cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'] as const;

export class ReturnLineInput {
  @ApiProperty({ description: 'The id of the order’s or sale’s line' }) @IsInt() @Min(1) lineId: number;
  @ApiProperty({ minimum: 1 }) @IsInt({ message: 'must be a whole number' }) @Min(1, { message: 'must be at least 1' }) @Max(100_000) quantity: number;
  @ApiPropertyOptional({ example: 'Too small', description: 'Why it comes back' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class RequestReturnDto {
  @ApiProperty({ type: [ReturnLineInput] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one line' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineInput)
  lines: ReturnLineInput[];
}

export class CreateReturnDto extends RequestReturnDto {
  @ApiPropertyOptional({ description: 'An order that is shipped or delivered (an online order returned at the counter)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  orderId?: number;

  @ApiPropertyOptional({ description: 'A completed in-store sale' }) @IsOptional() @IsInt() @Min(1) offlineSaleId?: number;
}

export class RejectReturnDto {
  @ApiProperty({ example: 'Worn and washed' }) @IsString() @Matches(/\S/, { message: 'must say why' }) @MaxLength(1000) reason: string;
}

export class ReceiveLineInput {
  @ApiProperty() @IsInt() @Min(1) lineId: number;
  @ApiProperty({ description: 'Put the units back in stock (return_restocked); false for damaged goods' }) @IsBoolean() restock: boolean;
}

export class ReceiveReturnDto {
  @ApiPropertyOptional({ type: [ReceiveLineInput], description: 'Per line; a line left out is restocked' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReceiveLineInput)
  lines?: ReceiveLineInput[];
}

export class RefundReturnDto {
  @ApiPropertyOptional({
    enum: REFUND_METHODS,
    description: 'How the money goes back when not by the payment’s own method (cash at the counter): then it is recorded as paid out',
  })
  @IsOptional()
  @IsIn(REFUND_METHODS as unknown as string[], { message: `must be one of ${REFUND_METHODS.join(', ')}` })
  method?: (typeof REFUND_METHODS)[number];

  @ApiPropertyOptional({ description: 'The payment to give back through; default: card payments first, newest first, then the others' })
  @IsOptional()
  @IsInt()
  @Min(1)
  paymentId?: number;
}

export class DirectRefundDto {
  @ApiProperty({ example: 500, description: 'Positive, minor units; at most what was paid and not yet refunded' })
  @IsInt({ message: 'must be a whole number of minor units (cents)' })
  @Min(1, { message: 'must be a positive amount' })
  @IsMinorUnits()
  amount: number;

  @ApiProperty({ example: 'Late delivery', description: 'Printed on the credit note: "Refund: <reason>"' })
  @IsString()
  @Matches(/\S/, { message: 'must say why' })
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ description: 'The payment to give back through; default: card payments first, newest first, then the others' })
  @IsOptional()
  @IsInt()
  @Min(1)
  paymentId?: number;
}

export class ReturnLineView {
  @ApiProperty({ description: 'The order’s or sale’s line' }) lineId: number;
  @ApiPropertyOptional({ description: 'Admin responses only' }) variantId?: number;
  @ApiProperty() productName: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty({ description: 'The record’s snapshot price' }) unitPrice: number;
  @ApiPropertyOptional({ description: 'Admin responses only' }) costPrice?: number;
  @ApiProperty() quantity: number;
  @ApiProperty() lineTotal: number;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'Units put back in stock when received (true unless staff said otherwise)' }) restock: boolean;
}

export class ReturnView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'RET-000001' }) number: string;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty({ nullable: true, type: Number }) offlineSaleId: number | null;
  @ApiProperty({ example: 'ORD-000042', description: 'The number of the order or sale' }) recordNumber: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The customer account of the order, if any' }) customerId: number | null;
  @ApiProperty({ enum: RETURN_STATUSES }) status: string;
  @ApiProperty({ enum: ['store', 'admin'], description: 'Requested by the customer, or made by staff (phone, counter)' }) source: string;
  @ApiProperty({ type: [ReturnLineView] }) lines: ReturnLineView[];
  @ApiProperty() subtotal: number;
  @ApiProperty() discountTotal: number;
  @ApiProperty({ description: 'The record’s whole shipping when this return completes the return of every unit, else 0' }) shippingTotal: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty({ description: 'subtotal − discountTotal + shippingTotal + taxTotal' }) total: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'What its refund gave back once refunded; until then what it would give back now: min(total, paid − refunded so far); null once rejected or cancelled',
  })
  refundAmount: number | null;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) receivedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) refundedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When it was rejected or cancelled' }) closedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) refundId: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Admin responses only' }) createdById?: number | null;
}

export class RefundView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'RF-000001' }) number: string;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty({ nullable: true, type: Number }) offlineSaleId: number | null;
  @ApiProperty({ nullable: true, type: Number }) bookingId: number | null;
  @ApiProperty({ nullable: true, type: Number }) returnId: number | null;
  @ApiProperty({ example: 'ORD-000042' }) recordNumber: string;
  @ApiProperty({ enum: ['direct', 'return', 'cancellation'] }) kind: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The payment it went back through; null when drawn on several' }) paymentId: number | null;
  @ApiProperty() amount: number;
  @ApiProperty({ enum: REFUND_METHODS }) method: string;
  @ApiProperty({ nullable: true, type: String, description: 'The provider’s reference of a card refund' }) reference: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'], description: 'pending: the provider is giving it back; failed: the provider refused it' })
  status: string;
  @ApiProperty({ nullable: true, type: String }) failureReason: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Its credit note, once it succeeded' }) creditNoteId: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) refundedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, type: Number }) recordedById: number | null;
}
