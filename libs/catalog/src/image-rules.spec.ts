import fc from 'fast-check';
import { IMAGE_LIMITS, imagePath, imageUrl, moveImage, pictureRefusal, sniffImageFormat } from './image-rules.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const WEBP = [...Buffer.from('RIFF'), 0x10, 0, 0, 0, ...Buffer.from('WEBP')];

describe('sniffImageFormat', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffImageFormat(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('jpeg');
    expect(sniffImageFormat(bytes(...PNG, 0, 0, 0, 13))).toBe('png');
    expect(sniffImageFormat(bytes(...WEBP, ...Buffer.from('VP8 ')))).toBe('webp');
  });

  it('refuses text, empty files, truncated signatures and other containers', () => {
    expect(sniffImageFormat(Buffer.from('just some text renamed to photo.jpg'))).toBeNull();
    expect(sniffImageFormat(bytes())).toBeNull();
    expect(sniffImageFormat(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageFormat(bytes(...PNG.slice(0, 7)))).toBeNull();
    expect(sniffImageFormat(bytes(...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')))).toBeNull();
    expect(sniffImageFormat(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('never takes a byte string that does not start with a known signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (head) => {
        const format = sniffImageFormat(head);
        if (format === 'jpeg') expect([...head.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
        if (format === 'png') expect([...head.slice(0, 8)]).toEqual(PNG);
        if (format === 'webp') expect(Buffer.from(head.slice(8, 12)).toString('latin1')).toBe('WEBP');
      }),
    );
  });
});

describe('pictureRefusal', () => {
  it('accepts a header that matches the sniffed format within the pixel limit', () => {
    expect(pictureRefusal('png', { format: 'png', width: 8000, height: 6000 })).toBeNull();
  });

  it('refuses a format mismatch, missing dimensions and a decompression bomb', () => {
    expect(pictureRefusal('jpeg', { format: 'png', width: 10, height: 10 })).toMatch(/not a JPEG, PNG or WebP/);
    expect(pictureRefusal('png', { format: 'png' })).toMatch(/not a readable image/);
    expect(pictureRefusal('png', { format: 'png', width: 50_000, height: 50_000 })).toMatch(/50000 × 50000 pixels/);
  });

  it('draws the line at the pixel limit exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (width, height) => {
        const refused = pictureRefusal('webp', { format: 'webp', width, height }) !== null;
        expect(refused).toBe(width * height > IMAGE_LIMITS.maxPixels);
      }),
    );
  });
});

describe('image paths', () => {
  it('puts both sizes of an image beside each other under the product, served under /media/', () => {
    const key = 'a'.repeat(32);
    expect(imagePath(7, key, 'large')).toBe(`products/7/${key}-large.webp`);
    expect(imageUrl(7, key, 'thumb')).toBe(`/media/products/7/${key}-thumb.webp`);
  });
});

describe('moveImage', () => {
  it('moves one image and keeps the others in order', () => {
    expect(moveImage([1, 2, 3, 4], 4, 0)).toEqual([4, 1, 2, 3]);
    expect(moveImage([1, 2, 3, 4], 1, 2)).toEqual([2, 3, 1, 4]);
    expect(moveImage([1, 2, 3, 4], 2, 99)).toEqual([1, 3, 4, 2]);
    expect(() => moveImage([1, 2], 3, 0)).toThrow(RangeError);
  });

  it('is a permutation that puts the image where asked (clamped) and keeps the relative order of the rest', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1000), { minLength: 1, maxLength: 30 }), fc.nat(), fc.integer({ min: -5, max: 40 }), (ids, pick, position) => {
        const id = ids[pick % ids.length];
        const moved = moveImage(ids, id, position);
        expect([...moved].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
        expect(moved.indexOf(id)).toBe(Math.max(0, Math.min(position, ids.length - 1)));
        expect(moved.filter((other) => other !== id)).toEqual(ids.filter((other) => other !== id));
      }),
    );
  });
});
