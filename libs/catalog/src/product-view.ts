import { effectivePrices } from './catalog-rules.js';
import type { ProductEntity, ProductImageEntity, VariantEntity } from './catalog.entities.js';
import type { AdminProductView, AdminVariantView, ProductImageView, StoreProductView, VariantView } from './dto/index.js';
import { imageUrl } from './image-rules.js';

export const toProductImageView = (image: ProductImageEntity): ProductImageView => ({
  id: image.id,
  url: imageUrl(image.productId, image.fileKey, 'large'),
  thumbnailUrl: imageUrl(image.productId, image.fileKey, 'thumb'),
  alt: image.alt,
  position: image.position,
  width: image.width,
  height: image.height,
});

/** What a customer may see of a product: effective prices, stock, images, never a cost. */
export function toStoreProductView(product: ProductEntity, variants: VariantEntity[], images: ProductImageEntity[]): StoreProductView {
  const views: VariantView[] = variants.map((v) => ({
    id: v.id,
    sku: v.sku,
    attributes: v.attributes,
    price: effectivePrices(v, product).price,
    stock: v.stock,
    imageId: v.imageId,
  }));
  return {
    id: product.id,
    name: product.name,
    slug: product.slug,
    description: product.description,
    categoryId: product.categoryId,
    price: product.price,
    shippingCost: product.shippingCost,
    estimatedDeliveryDays: product.estimatedDeliveryDays,
    stock: views.reduce((sum, v) => sum + v.stock, 0),
    images: images.map(toProductImageView),
    variants: views,
  };
}

/** The admin's view: costs, own prices beside effective ones, thresholds and low-stock flags. */
export function toAdminProductView(
  product: ProductEntity,
  variants: VariantEntity[],
  images: ProductImageEntity[],
  defaultThreshold: number,
): AdminProductView {
  const threshold = product.lowStockThreshold ?? defaultThreshold;
  const views: AdminVariantView[] = variants.map((v) => ({
    id: v.id,
    sku: v.sku,
    attributes: v.attributes,
    ...effectivePrices(v, product),
    ownPrice: v.price,
    ownCostPrice: v.costPrice,
    stock: v.stock,
    imageId: v.imageId,
    lowStock: v.stock <= threshold,
  }));
  return {
    id: product.id,
    name: product.name,
    slug: product.slug,
    description: product.description,
    categoryId: product.categoryId,
    price: product.price,
    costPrice: product.costPrice,
    shippingCost: product.shippingCost,
    estimatedDeliveryDays: product.estimatedDeliveryDays,
    isActive: product.isActive,
    lowStockThreshold: product.lowStockThreshold,
    effectiveLowStockThreshold: threshold,
    stock: views.reduce((sum, v) => sum + v.stock, 0),
    lowStock: views.some((v) => v.lowStock),
    images: images.map(toProductImageView),
    variants: views,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}
