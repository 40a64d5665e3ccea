import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import sharp, { type Metadata, type OutputInfo, type SharpOptions } from 'sharp';
import { APP_CONFIG, assertWithinLimit, multipartRefusal, validationFailed, type AppConfig } from '@chance/core';
import { IMAGE_LIMITS, imagePath, pictureRefusal, sniffImageFormat, type ImageSize } from './image-rules.js';

export interface StoredImage {
  fileKey: string;
  /** of the large size */
  width: number;
  height: number;
}

const SIZES: { size: ImageSize; box: number; quality: number }[] = [
  { size: 'large', box: IMAGE_LIMITS.large, quality: 82 },
  { size: 'thumb', box: IMAGE_LIMITS.thumbnail, quality: 76 },
];

const FIELD = 'file';

/**
 * The image files of products under MEDIA_DIR. An upload is written to a temporary name, checked
 * by its content (the first bytes, then the decoder's header, before any pixel is decoded),
 * re-encoded without its metadata (EXIF, GPS, ICC: turned upright first) into a large size and a
 * thumbnail, and only then given its final names; whatever fails leaves nothing behind.
 */
@Injectable()
export class ProductMedia {
  private readonly logger = new Logger('ProductMedia');
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.mediaDir;
  }

  /**
   * Receives the upload and stores both sizes; the caller records it, or calls `discard` when that fails.
   * Whatever of the upload was not read is drained by the route that read it (admin-catalog.controller.ts).
   */
  async receive(productId: number, part: MultipartFile): Promise<StoredImage> {
    const tmpDir = join(this.root, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    const fileKey = randomBytes(16).toString('hex');
    const upload = join(tmpDir, `${fileKey}.upload`);
    const encoded = SIZES.map(({ size }) => join(tmpDir, `${fileKey}-${size}.webp`));
    const finals: string[] = [];
    try {
      try {
        await pipeline(part.file, createWriteStream(upload, { flags: 'wx', mode: 0o600 }));
      } catch (error) {
        throw multipartRefusal(error, FIELD);
      }
      assertWithinLimit(part, IMAGE_LIMITS.maxBytes);
      if ((await stat(upload)).size === 0) throw validationFailed({ [FIELD]: 'is empty' });
      const format = sniffImageFormat(await head(upload, 16));
      if (!format) throw validationFailed({ [FIELD]: 'is not a JPEG, PNG or WebP image' });

      const options: SharpOptions = { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'error', sequentialRead: true };
      let header: Metadata;
      try {
        // the header only (no pixel is decoded): its size is judged below, in words people understand
        header = await sharp(upload, { ...options, limitInputPixels: false }).metadata();
      } catch {
        throw validationFailed({ [FIELD]: 'is not a readable image' });
      }
      const refusal = pictureRefusal(format, header);
      if (refusal) throw validationFailed({ [FIELD]: refusal });

      const sizes: OutputInfo[] = [];
      for (const [i, { box, quality }] of SIZES.entries()) {
        try {
          // metadata is not copied unless asked for (withMetadata/keepExif): the output has none
          sizes.push(
            await sharp(upload, options)
              .rotate()
              .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true })
              .webp({ quality })
              .toFile(encoded[i]),
          );
        } catch {
          throw validationFailed({ [FIELD]: 'is damaged: it could not be decoded' });
        }
      }

      const dir = join(this.root, dirname(imagePath(productId, fileKey, 'large')));
      await mkdir(dir, { recursive: true });
      for (const [i, { size }] of SIZES.entries()) {
        const target = join(this.root, imagePath(productId, fileKey, size));
        await rename(encoded[i], target);
        finals.push(target);
      }
      return { fileKey, width: sizes[0].width, height: sizes[0].height };
    } catch (error) {
      await Promise.all(finals.map((file) => rm(file, { force: true })));
      throw error;
    } finally {
      await Promise.all([upload, ...encoded].map((file) => rm(file, { force: true })));
    }
  }

  /** Removes both sizes of an image (after its row is gone, or when recording it failed). */
  async discard(productId: number, fileKey: string): Promise<void> {
    await Promise.all(SIZES.map(({ size }) => this.remove(join(this.root, imagePath(productId, fileKey, size)))));
  }

  /** Removes a deleted product's folder of images. */
  async discardProduct(productId: number): Promise<void> {
    await rm(join(this.root, dirname(imagePath(productId, 'x', 'large'))), { recursive: true, force: true }).catch((error: unknown) =>
      this.logger.warn(`could not remove the images of product ${productId}: ${String(error)}`),
    );
  }

  private async remove(file: string): Promise<void> {
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') this.logger.warn(`could not remove ${file}: ${error.message}`);
    });
  }
}

async function head(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
