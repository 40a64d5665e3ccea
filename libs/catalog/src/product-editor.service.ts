import { Injectable } from '@nestjs/common';
import { DomainError, inTransaction, notFound, publish, updateRow, validationFailed, withUniqueFields } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { effectivePrices, slugify } from './catalog-rules.js';
import type { AdminProductView, CreateProductDto, CreateVariantDto, UpdateProductDto, UpdateVariantDto } from './dto/index.js';
import { ProductsService } from './products.service.js';
import { moveStock } from './stock-ledger.js';

const PRODUCT_COLUMNS = {
  name: 'name',
  slug: 'slug',
  description: 'description',
  categoryId: 'category_id',
  price: 'price',
  costPrice: 'cost_price',
  shippingCost: 'shipping_cost',
  estimatedDeliveryDays: 'estimated_delivery_days',
  isActive: 'is_active',
  lowStockThreshold: 'low_stock_threshold',
};
const VARIANT_COLUMNS = { sku: 'sku', attributes: 'attributes', price: 'price', costPrice: 'cost_price', position: 'position', imageId: 'image_id' };
const SLUG_TAKEN = { products_slug_key: { slug: 'is already used by another product' } };

interface VariantPriceRow {
  id: number;
  stock: number;
  price: number | null;
  cost_price: number | null;
}

/**
 * Creating and changing products with their variants, in one transaction each. Opening stock is
 * an `initial` movement of the ledger; an update never touches stock. A lower effective price of
 * a variant publishes a `product.updated` (`price_dropped`) besides the update's own (`edited`).
 */
@Injectable()
export class ProductEditorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsService,
  ) {}

  create(input: CreateProductDto, actorId: number | null): Promise<AdminProductView> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.assertCategory(manager, input.categoryId);
      const slug = input.slug ?? (await this.freeSlug(manager, slugify(input.name)));
      const [{ id }] = await withUniqueFields(
        () =>
          manager.query(
            `INSERT INTO products (name, slug, description, category_id, price, cost_price, shipping_cost,
                                   estimated_delivery_days, is_active, low_stock_threshold)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
            [
              input.name.trim(),
              slug,
              input.description ?? '',
              input.categoryId,
              input.price,
              input.costPrice ?? 0,
              input.shippingCost ?? 0,
              input.estimatedDeliveryDays ?? 3,
              input.isActive ?? true,
              input.lowStockThreshold ?? null,
            ],
          ),
        SLUG_TAKEN,
      );
      const variants: CreateVariantDto[] = input.variants ?? [{ sku: input.sku ?? `${slug.toUpperCase().slice(0, 80)}-${id}`, stock: input.stock ?? 0 }];
      if (input.variants && (input.stock !== undefined || input.sku !== undefined)) {
        throw validationFailed({ stock: 'give stock per variant when variants are listed', ...(input.sku ? { sku: 'give a sku per variant' } : {}) });
      }
      assertDistinctSkus(variants);
      const opening: { variantId: number; delta: number }[] = [];
      for (const [position, variant] of variants.entries()) {
        const variantId = await this.insertVariant(manager, id, variant, position, input.variants ? `variants.${position}.sku` : 'sku');
        if (variant.stock) opening.push({ variantId, delta: variant.stock });
      }
      await moveStock(manager, opening, { reason: 'initial', reference: `product:${id}`, actorId });
      return this.products.getForAdminIn(manager, id);
    });
  }

  update(id: number, input: UpdateProductDto): Promise<AdminProductView> {
    return inTransaction(this.dataSource, async (manager) => {
      const [product] = await manager.query('SELECT price, cost_price FROM products WHERE id = $1 FOR UPDATE', [id]);
      if (!product) throw notFound('Product');
      if (input.categoryId !== undefined) await this.assertCategory(manager, input.categoryId);
      const before = await this.variantRows(manager, id);
      await withUniqueFields(() => updateRow(manager, 'products', id, { ...input, name: input.name?.trim() }, PRODUCT_COLUMNS), SLUG_TAKEN);
      if (input.variants) await this.replaceVariants(manager, id, input.variants, before);
      await publish(manager, 'product.updated', { productId: id, reason: 'edited' });
      await this.publishPriceDrops(manager, id, { price: product.price, costPrice: product.cost_price }, before);
      return this.products.getForAdminIn(manager, id);
    });
  }

  private async replaceVariants(manager: EntityManager, productId: number, wanted: UpdateVariantDto[], existing: VariantPriceRow[]): Promise<void> {
    assertDistinctSkus(wanted);
    await this.assertOwnImages(manager, productId, wanted);
    const byId = new Map(existing.map((v) => [v.id, v]));
    const kept = new Set<number>();
    wanted.forEach((variant, index) => {
      if (variant.id === undefined) return;
      if (!byId.has(variant.id)) throw validationFailed({ [`variants.${index}.id`]: 'is not a variant of this product' });
      if (kept.has(variant.id)) throw validationFailed({ [`variants.${index}.id`]: 'is listed twice' });
      kept.add(variant.id);
    });
    const dropped = existing.filter((v) => !kept.has(v.id));
    const stocked = dropped.find((v) => v.stock > 0);
    if (stocked) throw new DomainError('CONFLICT', `Variant ${stocked.id} still has ${stocked.stock} in stock: adjust it to 0 before removing it`);
    if (dropped.length > 0) await manager.query('DELETE FROM variants WHERE id = ANY($1)', [dropped.map((v) => v.id)]);
    // SKUs may move between variants in one update: park the kept ones first
    if (kept.size > 0) await manager.query(`UPDATE variants SET sku = '~' || id WHERE id = ANY($1)`, [[...kept]]);
    for (const [position, variant] of wanted.entries()) {
      if (variant.id === undefined) {
        await this.insertVariant(manager, productId, variant, position, `variants.${position}.sku`);
      } else {
        const current = byId.get(variant.id)!;
        const sku = variant.sku;
        await withUniqueFields(() => updateRow(manager, 'variants', current.id, { ...variant, sku, position }, VARIANT_COLUMNS, { touch: false }), {
          variants_sku_key: { [`variants.${position}.sku`]: 'is already used by another variant' },
        });
      }
    }
  }

  private async insertVariant(
    manager: EntityManager,
    productId: number,
    variant: CreateVariantDto | UpdateVariantDto,
    position: number,
    field: string,
  ): Promise<number> {
    const [row] = await withUniqueFields(
      () =>
        manager.query(
          `INSERT INTO variants (product_id, sku, attributes, price, cost_price, position, image_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            productId,
            variant.sku.trim(),
            JSON.stringify(variant.attributes ?? {}),
            variant.price ?? null,
            variant.costPrice ?? null,
            position,
            ('imageId' in variant ? variant.imageId : null) ?? null,
          ],
        ),
      { variants_sku_key: { [field]: 'is already used by another variant' } },
    );
    return row.id;
  }

  private async publishPriceDrops(
    manager: EntityManager,
    productId: number,
    productBefore: { price: number; costPrice: number },
    before: VariantPriceRow[],
  ): Promise<void> {
    const [productAfter] = await manager.query('SELECT price, cost_price AS "costPrice" FROM products WHERE id = $1', [productId]);
    const after = new Map((await this.variantRows(manager, productId)).map((v) => [v.id, v]));
    for (const old of before) {
      const now = after.get(old.id);
      if (!now) continue;
      const oldPrice = effectivePrices({ price: old.price, costPrice: old.cost_price }, productBefore).price;
      const newPrice = effectivePrices({ price: now.price, costPrice: now.cost_price }, productAfter).price;
      if (newPrice < oldPrice) await publish(manager, 'product.updated', { productId, variantId: old.id, reason: 'price_dropped', oldPrice, newPrice });
    }
  }

  private variantRows(manager: EntityManager, productId: number): Promise<VariantPriceRow[]> {
    return manager.query('SELECT id, stock, price, cost_price FROM variants WHERE product_id = $1 ORDER BY id FOR UPDATE', [productId]);
  }

  /** A variant shows one of its own product's images (docs/api.md#catalog-media). */
  private async assertOwnImages(manager: EntityManager, productId: number, variants: UpdateVariantDto[]): Promise<void> {
    const named = variants
      .map((v, index) => ({ index, imageId: v.imageId }))
      .filter((v): v is { index: number; imageId: number } => typeof v.imageId === 'number');
    if (named.length === 0) return;
    const own: { id: number }[] = await manager.query('SELECT id FROM product_images WHERE product_id = $1 AND id = ANY($2)', [
      productId,
      named.map((v) => v.imageId),
    ]);
    const ids = new Set(own.map((r) => r.id));
    const stranger = named.find((v) => !ids.has(v.imageId));
    if (stranger) throw validationFailed({ [`variants.${stranger.index}.imageId`]: 'is not an image of this product' });
  }

  private async assertCategory(manager: EntityManager, categoryId: number): Promise<void> {
    const [found] = await manager.query('SELECT 1 FROM categories WHERE id = $1', [categoryId]);
    if (!found) throw validationFailed({ categoryId: 'does not exist' });
  }

  private async freeSlug(manager: EntityManager, base: string): Promise<string> {
    const taken: { slug: string }[] = await manager.query(`SELECT slug FROM products WHERE slug = $1 OR slug LIKE $1 || '-%'`, [base]);
    const used = new Set(taken.map((t) => t.slug));
    if (!used.has(base)) return base;
    for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

function assertDistinctSkus(variants: { sku: string }[]): void {
  const seen = new Map<string, number>();
  variants.forEach((variant, index) => {
    const key = variant.sku.trim().toLowerCase();
    if (seen.has(key)) throw validationFailed({ [`variants.${index}.sku`]: 'is listed twice' });
    seen.set(key, index);
  });
}
