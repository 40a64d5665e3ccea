import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { BulkIdsDto, IsInstant, IsMinorUnits, PartialUpdateType } from '@chance/core';

const nullable = () => ValidateIf((_, v) => v !== null);

export class CreateCouponDto {
  @ApiProperty({ example: 'WELCOME10', description: 'Unique, matched case-insensitively' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{2,50}$/, { message: 'must be 2 to 50 letters, digits, dashes or underscores' })
  code: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) description?: string;

  @ApiProperty({ enum: ['percentage', 'fixed'] })
  @IsIn(['percentage', 'fixed'], { message: 'must be percentage or fixed' })
  discountType: 'percentage' | 'fixed';

  @ApiProperty({ example: 1000, description: 'percentage: basis points (1000 = 10 %); fixed: minor units' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(2_000_000_000)
  discountValue: number;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Cap of a percentage discount, minor units' })
  @IsOptional()
  @nullable()
  @IsMinorUnits()
  maxDiscount?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Minimum subtotal before discount, minor units' })
  @IsOptional()
  @nullable()
  @IsMinorUnits()
  minPurchase?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-01', description: 'Instant; a date means the start of that UTC day' })
  @IsOptional()
  @nullable()
  @IsInstant()
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-31', description: 'Inclusive; a date lasts to the end of that UTC day' })
  @IsOptional()
  @nullable()
  @IsInstant()
  validTo?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Orders that may use it in all' })
  @IsOptional()
  @nullable()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  usageLimit?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Orders per customer account (per e-mail for guests)' })
  @IsOptional()
  @nullable()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  perCustomerLimit?: number | null;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateCouponDto extends PartialUpdateType(CreateCouponDto) {}

/** `POST /api/admin/coupons/bulk-update`: switch several coupons off (or on again) at once. */
export class BulkCouponUpdateDto extends BulkIdsDto {
  @ApiProperty({ example: false, description: 'false deactivates (the codes are refused from now on), true reactivates' })
  @IsBoolean()
  isActive: boolean;
}

export class CouponView {
  @ApiProperty({ example: 3 }) id: number;
  @ApiProperty({ example: 'WELCOME10' }) code: string;
  @ApiProperty({ example: '10 % off a first order' }) description: string;
  @ApiProperty({ example: 'percentage', enum: ['percentage', 'fixed'] }) discountType: string;
  @ApiProperty({ example: 1000 }) discountValue: number;
  @ApiProperty({ example: 2000, nullable: true, type: Number }) maxDiscount: number | null;
  @ApiProperty({ example: null, nullable: true, type: Number }) minPurchase: number | null;
  @ApiProperty({ example: '2026-12-01T00:00:00.000Z', nullable: true, type: String, format: 'date-time' }) validFrom: Date | null;
  @ApiProperty({ example: '2026-12-31T23:59:59.999Z', nullable: true, type: String, format: 'date-time' }) validTo: Date | null;
  @ApiProperty({ example: 500, nullable: true, type: Number }) usageLimit: number | null;
  @ApiProperty({ example: 1, nullable: true, type: Number }) perCustomerLimit: number | null;
  @ApiProperty({ example: true }) isActive: boolean;
  @ApiProperty({ example: 37, description: 'Orders not cancelled that used it (read only)' }) timesUsed: number;
  @ApiProperty({ example: 'active', enum: ['active', 'inactive', 'scheduled', 'expired', 'used_up'] }) status: string;
  @ApiProperty({ example: '2026-11-28T10:00:00.000Z', format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-11-28T10:00:00.000Z', format: 'date-time' }) updatedAt: Date;
}

export class ApplyCouponDto {
  @ApiProperty({ example: 'WELCOME10' }) @IsString() @MaxLength(50) code: string;
}
