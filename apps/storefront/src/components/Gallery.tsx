import type { ProductImage } from '@chance/client';

/**
 * The product's pictures (`images[]` of the store API, docs/api.md#catalog-media, ordered by position:
 * the first is its main picture and its cards' thumbnail), the selected variant's first; nothing at all while there are none.
 */
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
