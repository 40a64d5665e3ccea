// The product gallery: which files are sent, and the order after a move.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { moveImage, pickImageFiles } from './gallery';

describe('the product gallery', () => {
  test('sends JPEG, PNG and WebP files of at most 10 MB, and says why others are not sent', () => {
    const files = [
      { name: 'front.jpg', type: 'image/jpeg', size: 2_000_000 },
      { name: 'notes.txt', type: 'text/plain', size: 10 },
      { name: 'huge.png', type: 'image/png', size: 11 * 1024 * 1024 },
      { name: 'side.webp', type: 'image/webp', size: 1 },
    ];
    const picked = pickImageFiles(files);
    assert.deepEqual(
      picked.accepted.map((f) => f.name),
      ['front.jpg', 'side.webp'],
    );
    assert.deepEqual(
      picked.refused.map((r) => [r.file.name, r.reason]),
      [
        ['notes.txt', 'is not a JPEG, PNG or WebP image'],
        ['huge.png', 'is larger than 10 MB'],
      ],
    );
  });

  test('moves one image, the others keep their order, as the API does', () => {
    const images = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }];
    assert.deepEqual(
      moveImage(images, 4, 0).map((i) => i.id),
      [4, 1, 2, 3],
    );
    assert.deepEqual(
      moveImage(images, 1, 2).map((i) => i.id),
      [2, 3, 1, 4],
    );
    assert.deepEqual(
      moveImage(images, 2, 99).map((i) => i.id),
      [1, 3, 4, 2],
    );
    assert.deepEqual(
      moveImage(images, 9, 0).map((i) => i.id),
      [1, 2, 3, 4],
    );
  });
});
