import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsInstant, IsMinorUnits, PartialUpdateType, SETTLEMENT_STATUSES } from '@chance/core';

/** How a booking is paid: any of the store's payment methods (docs/api.md#money-and-rates). */
const BOOKING_PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'] as const;

export class CreateServiceTypeDto {
  @ApiProperty({ example: 'Electrician' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ example: 8000, description: 'Minor units' }) @IsMinorUnits() price: number;
  @ApiProperty({ example: 60 }) @IsInt() @Min(1) @Max(10080) durationMinutes: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateServiceTypeDto extends PartialUpdateType(CreateServiceTypeDto) {}

export class ServiceTypeView {
  @ApiProperty({ example: 2 }) id: number;
  @ApiProperty({ example: 'Electrician' }) name: string;
  @ApiProperty({ example: 'A qualified electrician, per visit' }) description: string;
  @ApiProperty({ example: 6000 }) price: number;
  @ApiProperty({ example: 60 }) durationMinutes: number;
  @ApiProperty({ example: true }) isActive: boolean;
}

export class StoreBookingDto {
  @ApiProperty() @IsInt() @Min(1) serviceTypeId: number;
  @ApiProperty({ example: '2026-12-01T09:00:00Z', description: 'In the future' })
  @IsInstant('must be an ISO 8601 instant')
  scheduledAt: string;
  @ApiProperty({ example: '12 Analytical Way, London' }) @IsString() @IsNotEmpty() @MaxLength(1000) address: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

export class AdminBookingDto extends StoreBookingDto {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 42,
    description: 'The account the visit is for; exactly one of customerId and offlineCustomerId',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  customerId?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 7,
    description: 'The in-store customer the visit is for; exactly one of customerId and offlineCustomerId',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  offlineCustomerId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 3, description: 'The admin or staff member who does the visit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  assigneeId?: number | null;
}

export class UpdateBookingDto extends PartialUpdateType(OmitType(StoreBookingDto, ['serviceTypeId'] as const)) {
  @ApiPropertyOptional({ type: Number, nullable: true, example: 3, description: 'The admin or staff member who does the visit; null leaves it unassigned' })
  @IsOptional()
  @IsInt()
  @Min(1)
  assigneeId?: number | null;
}

export class BookingPaymentDto {
  @ApiProperty({ example: 4000, description: 'Minor units; at most the balance (409 OVERPAYMENT)' })
  @IsInt({ message: 'must be a whole number of minor units (cents)' })
  @Min(1, { message: 'must be a positive amount' })
  @IsMinorUnits()
  amount: number;

  @ApiProperty({ enum: BOOKING_PAYMENT_METHODS, example: 'cash' })
  @IsIn(BOOKING_PAYMENT_METHODS as unknown as string[], { message: `must be one of ${BOOKING_PAYMENT_METHODS.join(', ')}` })
  method: (typeof BOOKING_PAYMENT_METHODS)[number];

  @ApiPropertyOptional({ example: 'Receipt 118', description: 'The transfer or terminal reference, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class BookingPaymentView {
  @ApiProperty({ example: 12 }) id: number;
  @ApiProperty({ example: 4000 }) amount: number;
  @ApiProperty({ enum: BOOKING_PAYMENT_METHODS, example: 'cash' }) method: string;
  @ApiProperty({ nullable: true, type: String, example: null }) reference: string | null;
  @ApiProperty({ example: 0, description: 'What was given back of it (refunds)' }) refundedAmount: number;
  @ApiProperty({ format: 'date-time' }) paidAt: Date;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) recordedById: number | null;
}

export class BookingStatusDto {
  @ApiProperty({ enum: ['completed', 'cancelled'] })
  @IsIn(['completed', 'cancelled'], { message: 'must be completed or cancelled' })
  status: 'completed' | 'cancelled';
}

export class BookingView {
  @ApiProperty({ example: 31 }) id: number;
  @ApiProperty({ nullable: true, type: Number, example: 42, description: 'The account it is for (null for an in-store customer)' }) customerId: number | null;
  @ApiProperty({ nullable: true, type: Number, example: null, description: 'The in-store customer it is for (null for an account)' })
  offlineCustomerId: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3, description: 'The admin or staff member who does the visit' }) assigneeId: number | null;
  @ApiProperty({ example: 2 }) serviceTypeId: number;
  @ApiProperty({ example: 'Electrician', description: 'Snapshot at booking' }) serviceName: string;
  @ApiProperty({ example: 8000, description: 'Snapshot at booking, minor units (the same as subtotal)' }) price: number;
  @ApiProperty({ example: 90 }) durationMinutes: number;
  @ApiProperty({ example: '2026-12-10T14:00:00.000Z', format: 'date-time' }) scheduledAt: Date;
  @ApiProperty({ example: '12 Analytical Way, London' }) address: string;
  @ApiProperty({ example: 'Ring twice' }) notes: string;
  @ApiProperty({ example: 'pending', enum: ['pending', 'completed', 'cancelled'] }) status: string;
  @ApiProperty({ example: 8000, description: 'The price snapshot, minor units' }) subtotal: number;
  @ApiProperty({ example: 2000, description: 'The store’s tax rate when it was booked, basis points' }) taxRateBps: number;
  @ApiProperty({ example: 1600, description: 'roundHalfUp(subtotal × taxRateBps / 10000)' }) taxTotal: number;
  @ApiProperty({ example: 9600, description: 'subtotal + taxTotal' }) total: number;
  @ApiProperty({ example: 4000, description: 'What was ever paid (refunds are counted apart); 0 once cancelled' }) paidAmount: number;
  @ApiProperty({ example: 5600, description: 'total − paidAmount (refunds do not change it); 0 once cancelled' }) balance: number;
  @ApiProperty({
    enum: SETTLEMENT_STATUSES,
    example: 'partially_paid',
    description: 'Derived: unpaid, partially_paid, paid; once money was given back on a booking that is not cancelled, partially_refunded or refunded',
  })
  paymentStatus: string;
  @ApiProperty({ example: 0, description: 'What was given back through refunds; once cancelled, what had been paid' }) refundedAmount: number;
  @ApiPropertyOptional({ type: [BookingPaymentView], description: 'Admin responses only' }) payments?: BookingPaymentView[];
  @ApiProperty({ nullable: true, type: Number, example: null, description: 'Its invoice (INV series), issued when it is completed; null before' })
  invoiceId: number | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) completedAt: Date | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) cancelledAt: Date | null;
  @ApiProperty({ example: '2026-12-07T09:00:00.000Z', format: 'date-time' }) createdAt: Date;
}
