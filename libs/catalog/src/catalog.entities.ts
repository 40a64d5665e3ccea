import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '@chance/core';

@Entity('categories')
export class CategoryEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ name: 'parent_id', type: 'integer', nullable: true }) parentId: number | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity('products')
export class ProductEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ name: 'category_id', type: 'integer' }) categoryId: number;
  @Column({ type: 'integer' }) price: number;
  @Column({ name: 'cost_price', type: 'integer' }) costPrice: number;
  @Column({ name: 'shipping_cost', type: 'integer' }) shippingCost: number;
  @Column({ name: 'estimated_delivery_days', type: 'integer' }) estimatedDeliveryDays: number;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  @Column({ name: 'low_stock_threshold', type: 'integer', nullable: true }) lowStockThreshold: number | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity('variants')
export class VariantEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'product_id', type: 'integer' }) productId: number;
  @Column({ type: 'text' }) sku: string;
  @Column({ type: 'jsonb' }) attributes: Record<string, string>;
  @Column({ type: 'integer', nullable: true }) price: number | null;
  @Column({ name: 'cost_price', type: 'integer', nullable: true }) costPrice: number | null;
  @Column({ type: 'integer' }) stock: number;
  @Column({ type: 'integer' }) position: number;
  /** one of its product's images (docs/api.md#catalog-media), or none */
  @Column({ name: 'image_id', type: 'integer', nullable: true }) imageId: number | null;
}

@Entity('product_images')
export class ProductImageEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'product_id', type: 'integer' }) productId: number;
  /** random, so a file name (and URL) is never reused for other content */
  @Column({ name: 'file_key', type: 'text' }) fileKey: string;
  @Column({ type: 'integer' }) width: number;
  @Column({ type: 'integer' }) height: number;
  @Column({ type: 'text' }) alt: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('stock_movements')
export class StockMovementEntity {
  // written only through the stock ledger's SQL; read through the list protocol
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber }) id: number;
  @Column({ name: 'variant_id', type: 'integer' }) variantId: number;
  @Column({ type: 'integer' }) delta: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'integer', nullable: true }) createdBy: number | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('stock_counts')
export class StockCountEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) note: string;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'created_by_id', type: 'integer', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('stock_count_lines')
export class StockCountLineEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'count_id', type: 'integer' }) countId: number;
  @Column({ name: 'variant_id', type: 'integer', nullable: true }) variantId: number | null;
  @Column({ name: 'product_id', type: 'integer' }) productId: number;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ type: 'text' }) sku: string;
  @Column({ type: 'jsonb' }) attributes: Record<string, string>;
  @Column({ type: 'integer' }) expected: number;
  @Column({ type: 'integer' }) counted: number;
  @Column({ type: 'integer' }) delta: number;
  @Column({ name: 'stock_before', type: 'integer' }) stockBefore: number;
  @Column({ name: 'stock_after', type: 'integer' }) stockAfter: number;
}

export const CATALOG_ENTITIES = [CategoryEntity, ProductEntity, VariantEntity, ProductImageEntity, StockMovementEntity, StockCountEntity, StockCountLineEntity];
