import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { IsMinorUnits, IsStringMap, PartialUpdateType } from '@chance/core';
import { SLUG } from '../catalog-rules.js';

const ATTRIBUTES_EXAMPLE = { size: 'M', color: 'red' };

export class CreateVariantDto {
  @ApiProperty({ example: 'TSHIRT-RED-M' }) @IsString() @IsNotEmpty() @MaxLength(100) sku: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: ATTRIBUTES_EXAMPLE })
  @IsOptional()
  @IsStringMap()
  attributes?: Record<string, string>;

  @ApiPropertyOptional({ nullable: true, type: Number, description: "Own price; absent or null: the product's" })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsMinorUnits()
  price?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: "Own cost price; absent or null: the product's" })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsMinorUnits()
  costPrice?: number | null;

  @ApiPropertyOptional({ minimum: 0, description: 'Opening stock (recorded as an `initial` movement)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  stock?: number;
}

/** In an update, variants carry no stock: stock changes only through the ledger. */
export class UpdateVariantDto extends OmitType(CreateVariantDto, ['stock'] as const) {
  @ApiPropertyOptional({ description: 'An existing variant of this product; absent: a new variant (stock 0)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  id?: number;
}

export class CreateProductDto {
  @ApiProperty({ example: 'Classic T-shirt' }) @IsString() @IsNotEmpty() @MaxLength(300) name: string;

  @ApiPropertyOptional({ example: 'classic-t-shirt', description: 'Made from the name when absent' })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: 'must be lowercase letters, digits and single dashes' })
  @MaxLength(100)
  slug?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) description?: string;
  @ApiProperty() @IsInt() @Min(1) categoryId: number;
  @ApiProperty({ example: 1999, description: 'Minor units' }) @IsMinorUnits() price: number;
  @ApiPropertyOptional({ example: 900, description: 'Minor units; default 0' }) @IsOptional() @IsMinorUnits() costPrice?: number;
  @ApiPropertyOptional({ example: 300, description: 'Per unit, minor units; default 0' }) @IsOptional() @IsMinorUnits() shippingCost?: number;

  @ApiPropertyOptional({ example: 3, description: 'Whole days; default 3' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  estimatedDeliveryDays?: number;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;

  @ApiPropertyOptional({ nullable: true, type: Number, description: "Null: the store's default (settings)" })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  lowStockThreshold?: number | null;

  @ApiPropertyOptional({ minimum: 0, description: 'Opening stock of the default variant, when no variants are given' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  stock?: number;

  @ApiPropertyOptional({ description: 'SKU of the default variant, when no variants are given' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sku?: string;

  @ApiPropertyOptional({ type: [CreateVariantDto], description: 'Absent: one default variant' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreateVariantDto)
  variants?: CreateVariantDto[];
}

export class UpdateProductDto extends PartialUpdateType(OmitType(CreateProductDto, ['stock', 'sku', 'variants'] as const)) {
  @ApiPropertyOptional({
    type: [UpdateVariantDto],
    description: 'The full list of variants: entries with an id are updated, without an id created; variants left out are deleted (only when their stock is 0)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => UpdateVariantDto)
  variants?: UpdateVariantDto[];
}

export class StockAdjustmentDto {
  @ApiProperty() @IsInt() @Min(1) variantId: number;

  @ApiProperty({ example: -2, description: 'Units to add (positive) or remove (negative); not 0' })
  @IsInt()
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  delta: number;

  @ApiProperty({ example: 'Two damaged in the stockroom' }) @IsString() @IsNotEmpty() @MaxLength(1000) note: string;
}

export class VariantView {
  @ApiProperty() id: number;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: ATTRIBUTES_EXAMPLE }) attributes: Record<string, string>;
  @ApiProperty({ description: 'Effective price' }) price: number;
  @ApiProperty() stock: number;
}

export class AdminVariantView extends VariantView {
  @ApiProperty({ description: 'Effective cost price' }) costPrice: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Null when inherited from the product' }) ownPrice: number | null;
  @ApiProperty({ nullable: true, type: Number }) ownCostPrice: number | null;
  @ApiProperty({ description: 'At or below the low-stock threshold' }) lowStock: boolean;
}

export class StoreProductView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() description: string;
  @ApiProperty() categoryId: number;
  @ApiProperty() price: number;
  @ApiProperty() shippingCost: number;
  @ApiProperty() estimatedDeliveryDays: number;
  @ApiProperty({ description: 'Sum of the variants’ stock' }) stock: number;
  @ApiProperty({ type: [VariantView] }) variants: VariantView[];
}

export class AdminProductView extends OmitType(StoreProductView, ['variants'] as const) {
  @ApiProperty() costPrice: number;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ nullable: true, type: Number }) lowStockThreshold: number | null;
  @ApiProperty({ description: 'Threshold in force (own or the store default)' }) effectiveLowStockThreshold: number;
  @ApiProperty({ description: 'Some variant is at or below the threshold' }) lowStock: boolean;
  @ApiProperty({ type: [AdminVariantView] }) variants: AdminVariantView[];
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class StockMovementView {
  @ApiProperty() id: number;
  @ApiProperty() variantId: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The variant’s product (null once deleted)' }) productId: number | null;
  @ApiProperty({ nullable: true, type: String }) productName: string | null;
  @ApiProperty({ nullable: true, type: String }) sku: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string> | null;
  @ApiProperty() delta: number;
  @ApiProperty({
    enum: ['initial', 'adjustment', 'order_placed', 'order_cancelled', 'order_edited', 'offline_sale', 'offline_sale_cancelled', 'purchase_received'],
  })
  reason: string;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: Number }) createdById: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}
