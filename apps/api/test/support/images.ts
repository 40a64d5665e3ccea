import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

/** Real pictures for upload tests, made by sharp: a coloured field of `width` × `height`. */
export function picture(format: 'png' | 'jpeg' | 'webp', width = 640, height = 480): Sharp {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 60 } } });
  return format === 'png' ? image.png() : format === 'jpeg' ? image.jpeg({ quality: 90 }) : image.webp();
}

/** EXIF that must never reach the shop: who took it, with what, and where. */
export const PRIVATE_EXIF = {
  IFD0: { Artist: 'Ada Lovelace', Copyright: 'Private', ImageDescription: 'taken at home', Make: 'PhoneCo', Model: 'Pocket 3' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
};

/**
 * A valid PNG of a few hundred bytes whose header declares `side` × `side` pixels (a decompression
 * bomb: decoding it would need gigabytes), with a little compressed data that never ends.
 */
export function pngBomb(side = 50_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = deflateSync(Buffer.alloc((side + 1) * 4)); // the first rows of zeros
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
