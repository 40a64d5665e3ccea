import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsInstant, IsMinorUnits, PartialUpdateType } from '@chance/core';

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
  @ApiProperty({ description: 'The customer (a user) the visit is for' }) @IsInt() @Min(1) customerId: number;
}

export class UpdateBookingDto extends PartialUpdateType(OmitType(StoreBookingDto, ['serviceTypeId'] as const)) {}

export class BookingStatusDto {
  @ApiProperty({ enum: ['completed', 'cancelled'] })
  @IsIn(['completed', 'cancelled'], { message: 'must be completed or cancelled' })
  status: 'completed' | 'cancelled';
}

export class BookingView {
  @ApiProperty({ example: 9 }) id: number;
  @ApiProperty({ example: 17 }) customerId: number;
  @ApiProperty({ example: 2 }) serviceTypeId: number;
  @ApiProperty({ example: 'Electrician', description: 'Snapshot at booking' }) serviceName: string;
  @ApiProperty({ example: 6000, description: 'Snapshot at booking, minor units' }) price: number;
  @ApiProperty({ example: 60 }) durationMinutes: number;
  @ApiProperty({ example: '2026-12-10T14:00:00.000Z', format: 'date-time' }) scheduledAt: Date;
  @ApiProperty({ example: '12 Elm Street, Springfield' }) address: string;
  @ApiProperty({ example: 'Kitchen sockets' }) notes: string;
  @ApiProperty({ example: 'pending', enum: ['pending', 'completed', 'cancelled'] }) status: string;
  @ApiProperty({ example: 0, description: 'What was given back through refunds (bookings take no payments yet, so 0)' }) refundedAmount: number;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) completedAt: Date | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) cancelledAt: Date | null;
  @ApiProperty({ example: '2026-12-07T09:00:00.000Z', format: 'date-time' }) createdAt: Date;
}
