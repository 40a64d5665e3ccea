import type { Product } from '@chance/client';

/**
 * A product image as docs/api.md#catalog-media describes it (`images[]` on store products, ordered by
 * position). The API does not send images yet: `productImages` is the one place to read them
 * from the product once it does (then this type becomes the generated one), and the gallery
 * already lays them out.
 */
export interface ProductImage {
  id: number;
  url: string;
  thumbnailUrl: string;
  alt: string;
  width: number;
  height: number;
}

export function productImages(product: Product): ProductImage[] {
  void product; // extension point: return product.images once the store API carries them
  return [];
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
