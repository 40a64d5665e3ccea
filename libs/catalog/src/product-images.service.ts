import { Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import { inTransaction, notFound, publish, validationFailed } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { ProductImageEntity } from './catalog.entities.js';
import type { ProductImageView, UpdateProductImageDto } from './dto/index.js';
import { IMAGE_LIMITS, imageUrl, moveImage } from './image-rules.js';
import { ProductMedia } from './product-media.js';
import { toProductImageView } from './product-view.js';

const TOO_MANY = { file: `a product has at most ${IMAGE_LIMITS.perProduct} images: delete one first` };

/**
 * A product's images (docs/api.md#catalog-media): added from an upload, given alt text, moved in the order,
 * deleted with their files. Each change locks the product row, so concurrent uploads and moves of
 * one product keep positions 0…n−1 without gaps or repeats.
 */
@Injectable()
export class ProductImagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly media: ProductMedia,
  ) {}

  /** The upload becomes the product's last image; refused files leave nothing on disk. */
  async add(productId: number, upload: MultipartFile): Promise<ProductImageView> {
    // refuse before storing anything when the product is not there or full
    const [product] = await this.dataSource.query(
      'SELECT (SELECT count(*) FROM product_images WHERE product_id = p.id)::int AS n FROM products p WHERE id = $1',
      [productId],
    );
    if (!product) throw notFound('Product');
    if (product.n >= IMAGE_LIMITS.perProduct) throw validationFailed(TOO_MANY);
    const stored = await this.media.receive(productId, upload);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        await this.lockProduct(manager, productId);
        // counted once the lock is held (a statement that waited for it would count from before the wait)
        const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM product_images WHERE product_id = $1', [productId]);
        if (n >= IMAGE_LIMITS.perProduct) throw validationFailed(TOO_MANY);
        const [row] = await manager.query(
          `INSERT INTO product_images (product_id, file_key, width, height, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [productId, stored.fileKey, stored.width, stored.height, n],
        );
        await publish(manager, 'product.updated', { productId, reason: 'edited' });
        return this.view(manager, productId, row.id);
      });
    } catch (error) {
      await this.media.discard(productId, stored.fileKey);
      throw error;
    }
  }

  update(productId: number, imageId: number, input: UpdateProductImageDto): Promise<ProductImageView> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.lockProduct(manager, productId);
      const ordered: number[] = (await manager.query('SELECT id FROM product_images WHERE product_id = $1 ORDER BY position, id', [productId])).map(
        (r: { id: number }) => r.id,
      );
      if (!ordered.includes(imageId)) throw notFound('Image');
      if (input.alt !== undefined) await manager.query('UPDATE product_images SET alt = $2 WHERE id = $1', [imageId, input.alt.trim()]);
      if (input.position !== undefined) await this.renumber(manager, moveImage(ordered, imageId, input.position));
      await publish(manager, 'product.updated', { productId, reason: 'edited' });
      return this.view(manager, productId, imageId);
    });
  }

  /** The image goes, variants showing it show none, the others close the gap; then its files go. */
  async remove(productId: number, imageId: number): Promise<ProductImageView> {
    const { view, fileKey } = await inTransaction(this.dataSource, async (manager) => {
      await this.lockProduct(manager, productId);
      const image = await manager.findOneBy(ProductImageEntity, { id: imageId, productId });
      if (!image) throw notFound('Image');
      await manager.query('DELETE FROM product_images WHERE id = $1', [imageId]);
      const rest: { id: number }[] = await manager.query('SELECT id FROM product_images WHERE product_id = $1 ORDER BY position, id', [productId]);
      await this.renumber(
        manager,
        rest.map((r) => r.id),
      );
      await publish(manager, 'product.updated', { productId, reason: 'edited' });
      return { view: toProductImageView(image), fileKey: image.fileKey };
    });
    await this.media.discard(productId, fileKey);
    return view;
  }

  /** Locks the product for a change of its images (404 when it does not exist). */
  private async lockProduct(manager: EntityManager, productId: number): Promise<void> {
    const [product] = await manager.query('SELECT id FROM products WHERE id = $1 FOR UPDATE', [productId]);
    if (!product) throw notFound('Product');
  }

  private async renumber(manager: EntityManager, ordered: number[]): Promise<void> {
    if (ordered.length === 0) return;
    await manager.query(
      `UPDATE product_images i SET position = o.position - 1
         FROM unnest($1::int[]) WITH ORDINALITY AS o(id, position)
        WHERE i.id = o.id AND i.position <> o.position - 1`,
      [ordered],
    );
  }

  private async view(manager: EntityManager, productId: number, imageId: number): Promise<ProductImageView> {
    const image = await manager.findOneBy(ProductImageEntity, { id: imageId, productId });
    if (!image) throw notFound('Image');
    return toProductImageView(image);
  }
}

/**
 * The thumbnail URL each variant shows (its own image, else its product's first), for the lines
 * of orders and sales to snapshot; null for a variant without any image.
 */
export async function variantThumbnails(manager: EntityManager, variantIds: readonly number[]): Promise<Map<number, string | null>> {
  if (variantIds.length === 0) return new Map();
  const rows: { id: number; product_id: number; file_key: string | null }[] = await manager.query(
    `SELECT v.id, v.product_id, COALESCE(own.file_key, first.file_key) AS file_key
       FROM variants v
       LEFT JOIN product_images own ON own.id = v.image_id
       LEFT JOIN LATERAL (SELECT file_key FROM product_images WHERE product_id = v.product_id ORDER BY position, id LIMIT 1) first ON true
      WHERE v.id = ANY($1)`,
    [variantIds],
  );
  return new Map(rows.map((r) => [r.id, r.file_key ? imageUrl(r.product_id, r.file_key, 'thumb') : null]));
}
