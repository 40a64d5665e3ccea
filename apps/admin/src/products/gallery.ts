/**
 * The product gallery's rules (docs/api.md#catalog-media), apart from React: which dropped files to send,
 * and the order after a move (as the API moves an image: the others keep their order).
 */

/** What the API takes; it checks the content itself, this only spares an upload that cannot succeed. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface PickedFiles<F extends { name: string; type: string; size: number }> {
  accepted: F[];
  refused: { file: F; reason: string }[];
}

/** Sorts dropped or chosen files into those worth uploading and those refused, with why. */
export function pickImageFiles<F extends { name: string; type: string; size: number }>(files: readonly F[]): PickedFiles<F> {
  const picked: PickedFiles<F> = { accepted: [], refused: [] };
  for (const file of files) {
    if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) picked.refused.push({ file, reason: 'is not a JPEG, PNG or WebP image' });
    else if (file.size > MAX_IMAGE_BYTES) picked.refused.push({ file, reason: 'is larger than 10 MB' });
    else picked.accepted.push(file);
  }
  return picked;
}

/** The ids in their order after moving `id` to `position` (clamped), the others keeping theirs. */
export function moveImage<T extends { id: number }>(images: readonly T[], id: number, position: number): T[] {
  const moving = images.find((image) => image.id === id);
  if (!moving) return [...images];
  const rest = images.filter((image) => image.id !== id);
  const at = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, at), moving, ...rest.slice(at)];
}
