import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsInstant, IsMinorUnits, PartialUpdateType, SETTLEMENT_STATUSES } from '@chance/core';

export const SALE_PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'] as const;

export class CreateOfflineCustomerDto {
  @ApiProperty({ example: 'Maria Gonzalez' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: '+1 555 0199' }) @IsString() @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'must be a phone number' }) phone: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(1000) address?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(5000) notes?: string | null;
}

export class UpdateOfflineCustomerDto extends PartialUpdateType(CreateOfflineCustomerDto) {
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 42,
    description:
      'Links this in-store customer to a customer account (its customers row then counts their sales and balance); null unlinks. ' +
      'An account linked to another in-store customer, or a user who is not a customer: 400 VALIDATION_FAILED on userId.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  userId?: number | null;
}

export class OfflineCustomerView {
  @ApiProperty({ example: 8 }) id: number;
  @ApiProperty({ example: 'Bob Martin' }) name: string;
  @ApiProperty({ example: '+15550142' }) phone: string;
  @ApiProperty({ example: null, nullable: true, type: String }) email: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) address: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 42, description: 'The customer account this in-store customer is linked to, or null' })
  userId: number | null;
  @ApiProperty({ example: 2500, description: 'Σ balance of their sales that are not cancelled (read only)' }) outstandingBalance: number;
  @ApiProperty({ example: '2026-11-15T11:00:00.000Z', format: 'date-time' }) createdAt: Date;
}

export class SaleLineDto {
  @ApiProperty() @IsInt() @Min(1) variantId: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100_000) quantity: number;
  @ApiPropertyOptional({ description: 'Minor units; default: the variant’s price' }) @IsOptional() @IsMinorUnits() unitPrice?: number;
}

export class CreateOfflineSaleDto {
  @ApiPropertyOptional({
    description: 'The in-store customer; leave it out for a walk-in sale, which must be paid in full at once (paidAmount = total)',
    example: 7,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  customerId?: number;
  @ApiPropertyOptional({ example: '2026-11-25T10:30:00Z', description: 'Default: now; a date means the start of that UTC day' })
  @IsOptional()
  @IsInstant()
  soldAt?: string;

  @ApiProperty({ type: [SaleLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SaleLineDto)
  lines: SaleLineDto[];

  @ApiPropertyOptional({ description: 'An amount off the subtotal, minor units (not together with couponCode)' })
  @IsOptional()
  @IsMinorUnits()
  discount?: number;

  @ApiPropertyOptional({
    example: 'WELCOME10',
    description:
      'A coupon, with the same rules and limits as online (matched case-insensitively; usage counted once per sale, given back when the sale is cancelled). ' +
      'Its discount becomes the sale’s discountTotal. Not together with discount.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  couponCode?: string;
  @ApiPropertyOptional({ description: 'Paid now: recorded as the first payment' }) @IsOptional() @IsMinorUnits() paidAmount?: number;

  @ApiPropertyOptional({ enum: SALE_PAYMENT_METHODS, default: 'cash' })
  @IsOptional()
  @IsIn(SALE_PAYMENT_METHODS as unknown as string[], { message: `must be one of ${SALE_PAYMENT_METHODS.join(', ')}` })
  paymentMethod?: (typeof SALE_PAYMENT_METHODS)[number];
}

export class SalePaymentDto {
  @ApiProperty({ example: 1500 })
  @IsInt({ message: 'must be a whole number of minor units (cents)' })
  @Min(1, { message: 'must be a positive amount' })
  @IsMinorUnits()
  amount: number;

  @ApiProperty({ enum: SALE_PAYMENT_METHODS })
  @IsIn(SALE_PAYMENT_METHODS as unknown as string[], { message: `must be one of ${SALE_PAYMENT_METHODS.join(', ')}` })
  method: (typeof SALE_PAYMENT_METHODS)[number];

  @ApiPropertyOptional() @IsOptional() @IsInstant() paidAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class SaleLineView {
  @ApiProperty() id: number;
  @ApiProperty() productId: number;
  @ApiProperty() variantId: number;
  @ApiProperty() productName: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty() unitPrice: number;
  @ApiProperty() costPrice: number;
  @ApiProperty() quantity: number;
  @ApiProperty() lineTotal: number;
  @ApiProperty({ nullable: true, type: String, description: "The product image's thumbnail when sold (a snapshot), or null" })
  thumbnailUrl: string | null;
}

export class SalePaymentView {
  @ApiProperty() id: number;
  @ApiProperty() amount: number;
  @ApiProperty({ enum: SALE_PAYMENT_METHODS }) method: string;
  @ApiProperty({ description: 'What was given back of it (refunds)' }) refundedAmount: number;
  @ApiProperty({ format: 'date-time' }) paidAt: Date;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: Number }) recordedById: number | null;
}

export class OfflineSaleView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'SALE-000012' }) number: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The in-store customer; null for a walk-in sale' }) customerId: number | null;
  @ApiProperty({ enum: ['completed', 'cancelled'] }) status: string;
  @ApiProperty({ format: 'date-time' }) soldAt: Date;
  @ApiProperty({ type: [SaleLineView] }) lines: SaleLineView[];
  @ApiProperty() subtotal: number;
  @ApiProperty() discount: number;
  @ApiProperty({ description: 'The same as discount: the manual discount or the coupon’s, a snapshot' }) discountTotal: number;
  @ApiProperty({ nullable: true, type: String, example: 'WELCOME10', description: 'The code of the coupon applied (a snapshot), or null' })
  couponCode: string | null;
  @ApiProperty() taxRateBps: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'What was ever paid (refunds are counted apart); 0 once cancelled' }) paidAmount: number;
  @ApiProperty({ description: 'What was given back (refunds that succeeded); once cancelled, what had been paid' }) refundedAmount: number;
  @ApiProperty({ description: 'total − paidAmount (refunds do not change it); 0 once cancelled' }) balance: number;
  @ApiProperty({
    enum: SETTLEMENT_STATUSES,
    description: 'Derived: unpaid, partially_paid, paid; once money was given back on a sale that is not cancelled, partially_refunded or refunded',
  })
  paymentStatus: string;
  @ApiProperty({ type: [SalePaymentView] }) payments: SalePaymentView[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}
