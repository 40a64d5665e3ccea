/** Pure rules of product images (docs/api.md#catalog-media): which files are images, their sizes, names and order. */

export type ImageFormat = 'jpeg' | 'png' | 'webp';

export const IMAGE_LIMITS = {
  /** largest upload accepted (413 beyond) */
  maxBytes: 10 * 1024 * 1024,
  /**
   * largest picture decoded (a 50 MP phone photo fits; a small file declaring 50,000 × 50,000
   * pixels, a decompression bomb, does not): width × height, checked before any pixel is decoded
   */
  maxPixels: 64_000_000,
  /** the large size fits in this square (never enlarged) */
  large: 1600,
  /** the thumbnail fits in this square */
  thumbnail: 400,
  /** images per product */
  perProduct: 50,
} as const;

/**
 * The format a file's first bytes prove, whatever its name or declared type: JPEG (FF D8 FF),
 * PNG (its 8-byte signature), WebP (a RIFF container of type WEBP); anything else is null.
 */
export function sniffImageFormat(head: Uint8Array): ImageFormat | null {
  const at = (offset: number, bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
  if (head.length >= 3 && at(0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (head.length >= 8 && at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (head.length >= 12 && at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'webp';
  return null;
}

/** Why a decoded header cannot be accepted as a picture, or null when it can. */
export function pictureRefusal(sniffed: ImageFormat, header: { format?: string; width?: number; height?: number }): string | null {
  if (header.format !== sniffed) return 'is not a JPEG, PNG or WebP image';
  if (!header.width || !header.height) return 'is not a readable image';
  if (header.width * header.height > IMAGE_LIMITS.maxPixels) {
    return `has ${header.width} × ${header.height} pixels: at most ${IMAGE_LIMITS.maxPixels / 1_000_000} megapixels are accepted`;
  }
  return null;
}

export type ImageSize = 'large' | 'thumb';

/** Where an image's file lives under MEDIA_DIR (and, with `/media/` before it, its URL). */
export const imagePath = (productId: number, fileKey: string, size: ImageSize): string => `products/${productId}/${fileKey}-${size}.webp`;

export const imageUrl = (productId: number, fileKey: string, size: ImageSize): string => `/media/${imagePath(productId, fileKey, size)}`;

/**
 * The order of a product's images after moving one to `position` (0 first; beyond the end: last):
 * the others keep their order. Returns the ids in their new order.
 */
export function moveImage(ordered: readonly number[], id: number, position: number): number[] {
  const rest = ordered.filter((other) => other !== id);
  if (rest.length === ordered.length) throw new RangeError(`image ${id} is not in the list`);
  const at = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
