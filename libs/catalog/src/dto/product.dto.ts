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
import { BulkIdsDto, IsMinorUnits, IsStringMap, PartialUpdateType } from '@chance/core';
import { SLUG } from '../catalog-rules.js';
import { STOCK_REASONS } from '../stock-ledger.js';

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

  @ApiPropertyOptional({ nullable: true, type: Number, description: "One of this product's images shown for the variant; null: none. Absent: unchanged" })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  imageId?: number | null;
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

/** `POST /api/admin/products/bulk-update`: the fields of PUT /:id that make sense for many products at once. */
export class BulkProductUpdateDto extends BulkIdsDto {
  @ApiPropertyOptional({ example: false, description: 'Show (true) or hide (false) the products in the store' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ example: 3, description: 'Move the products to this category' })
  @IsOptional()
  @IsInt()
  @Min(1)
  categoryId?: number;
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

export class ProductImageView {
  @ApiProperty() id: number;
  @ApiProperty({ example: '/media/products/7/3f2a9c…-large.webp', description: 'The large size (fits 1600 × 1600), WebP, metadata stripped; never changes' })
  url: string;
  @ApiProperty({ example: '/media/products/7/3f2a9c…-thumb.webp', description: 'The thumbnail (fits 400 × 400)' }) thumbnailUrl: string;
  @ApiProperty({ description: 'Alternative text' }) alt: string;
  @ApiProperty({ description: '0 first' }) position: number;
  @ApiProperty({ description: 'Of the large size, in pixels' }) width: number;
  @ApiProperty() height: number;
}

export class UpdateProductImageDto {
  @ApiPropertyOptional({ example: 'The red mug, from the side' }) @IsOptional() @IsString() @MaxLength(500) alt?: string;

  @ApiPropertyOptional({ description: 'Move the image there (0 first; beyond the last: last); the others keep their order' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

export class VariantView {
  @ApiProperty() id: number;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: ATTRIBUTES_EXAMPLE }) attributes: Record<string, string>;
  @ApiProperty({ description: 'Effective price' }) price: number;
  @ApiProperty() stock: number;
  @ApiProperty({ nullable: true, type: Number, description: "The product image shown for this variant (one of the product's `images`), or null" })
  imageId: number | null;
}

export class AdminVariantView extends VariantView {
  @ApiProperty({ example: 850, description: 'Effective cost price' }) costPrice: number;
  @ApiProperty({ example: null, nullable: true, type: Number, description: 'Null when inherited from the product' }) ownPrice: number | null;
  @ApiProperty({ example: null, nullable: true, type: Number }) ownCostPrice: number | null;
  @ApiProperty({ example: false, description: 'At or below the low-stock threshold' }) lowStock: boolean;
}

export class StoreProductView {
  @ApiProperty({ example: 5 }) id: number;
  @ApiProperty({ example: 'Linen shirt' }) name: string;
  @ApiProperty({ example: 'linen-shirt' }) slug: string;
  @ApiProperty({ example: 'A light shirt of washed linen.' }) description: string;
  @ApiProperty({ example: 2 }) categoryId: number;
  @ApiProperty({ example: 1999 }) price: number;
  @ApiProperty({ example: 0 }) shippingCost: number;
  @ApiProperty({ example: 3 }) estimatedDeliveryDays: number;
  @ApiProperty({ example: 42, description: 'Sum of the variants’ stock' }) stock: number;
  @ApiProperty({ type: [ProductImageView], description: 'Ordered by position' }) images: ProductImageView[];
  @ApiProperty({ type: [VariantView] }) variants: VariantView[];
}

export class AdminProductView extends OmitType(StoreProductView, ['variants'] as const) {
  @ApiProperty({ example: 850 }) costPrice: number;
  @ApiProperty({ example: true }) isActive: boolean;
  @ApiProperty({ example: null, nullable: true, type: Number }) lowStockThreshold: number | null;
  @ApiProperty({ example: 5, description: 'Threshold in force (own or the store default)' }) effectiveLowStockThreshold: number;
  @ApiProperty({ example: false, description: 'Some variant is at or below the threshold' }) lowStock: boolean;
  @ApiProperty({ type: [AdminVariantView] }) variants: AdminVariantView[];
  @ApiProperty({ example: '2026-11-02T08:00:00.000Z', format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-12-01T16:20:00.000Z', format: 'date-time' }) updatedAt: Date;
}

export class StockMovementView {
  @ApiProperty({ example: 311 }) id: number;
  @ApiProperty({ example: 12 }) variantId: number;
  @ApiProperty({ example: 5, nullable: true, type: Number, description: 'The variant’s product (null once deleted)' }) productId: number | null;
  @ApiProperty({ example: 'Linen shirt', nullable: true, type: String }) productName: string | null;
  @ApiProperty({ example: 'SHIRT-LIN-M-BLU', nullable: true, type: String }) sku: string | null;
  @ApiProperty({ example: { size: 'M', colour: 'blue' }, nullable: true, type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<
    string,
    string
  > | null;
  @ApiProperty({ example: -2 }) delta: number;
  @ApiProperty({ example: 'order_placed', enum: [...STOCK_REASONS] }) reason: string;
  @ApiProperty({ example: 'ORD-000042', nullable: true, type: String }) reference: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) note: string | null;
  @ApiProperty({ example: null, nullable: true, type: Number }) createdById: number | null;
  @ApiProperty({ example: '2026-12-07T09:45:00.000Z', format: 'date-time' }) createdAt: Date;
}
