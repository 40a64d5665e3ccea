import type { Product, ProductImage } from '@chance/client';

/**
 * A product's pictures as the store API sends them (docs/api.md#catalog-media, `images[]`, ordered by
 * position): the first is the product's main picture and its cards' thumbnail.
 */
export function productImages(product: Product): ProductImage[] {
  return product.images;
}

/** The product's pictures, the selected variant's first; nothing at all while there are none. */
export function Gallery({ images, name, preferredImageId }: { images: ProductImage[]; name: string; preferredImageId?: number | null }) {
  if (images.length === 0) return null;
  const ordered = preferredImageId ? [...images].sort((a, b) => Number(b.id === preferredImageId) - Number(a.id === preferredImageId)) : images;
  const [main, ...rest] = ordered;
  return (
    <figure className="gallery" aria-label={`Pictures of ${name}`}>
      <img src={main.url} alt={main.alt || name} width={main.width} height={main.height} />
      {rest.length > 0 ? (
        <ul className="gallery-thumbnails">
          {rest.map((image) => (
            <li key={image.id}>
              <img src={image.thumbnailUrl} alt={image.alt || name} loading="lazy" />
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
