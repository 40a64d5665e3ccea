import { mkdirSync } from 'node:fs';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyRequest } from 'fastify';
import { DomainError, validationFailed } from '../errors/domain-error.js';

/** The route config flag that lets a route take `multipart/form-data` (every other route answers 415). */
const ACCEPTS_UPLOAD = 'acceptsUpload';

/**
 * Registers multipart parsing (docs/api.md#catalog-media) for the routes marked `@UploadRoute()`
 * only: a multipart body anywhere else is 415, as any body that is not JSON. Each upload route
 * reads its one file with `readUploadedFile`, which sets that route's own size limit (the JSON
 * body limit of every other route is untouched).
 */
export async function registerUploads(app: NestFastifyApplication): Promise<void> {
  // one file of at most the route's size, a few small fields; the parser never buffers a file
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 100 } });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (request) => {
      if (request.isMultipart() && !(request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[ACCEPTS_UPLOAD]) {
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
      }
    });
}

/**
 * Serves `dir` under `/media/` with long-lived immutable caching: every file name is new for new
 * content, so a URL never changes meaning. Other origins (a shop frontend elsewhere) may show them.
 */
export async function registerMediaFiles(app: NestFastifyApplication, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    immutable: true,
    maxAge: 365 * 86_400_000,
    setHeaders: (reply) => void reply.header('Cross-Origin-Resource-Policy', 'cross-origin'),
  });
}

/** Marks a route as taking one uploaded file in the multipart field `field` (also its OpenAPI body). */
export function UploadRoute(field = 'file', description = 'The file'): MethodDecorator {
  return applyDecorators(
    RouteConfig({ [ACCEPTS_UPLOAD]: true }),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      schema: { type: 'object', required: [field], properties: { [field]: { type: 'string', format: 'binary', description } } },
    }),
  );
}

export interface UploadLimits {
  /** the form field holding the file */
  field: string;
  /** largest file accepted: beyond, 413 PAYLOAD_TOO_LARGE */
  maxBytes: number;
}

/**
 * The request's one file, as a stream to read once. A request that is not multipart is 415; one
 * without a file in `field` is 400 with a message on that field. The stream stops at `maxBytes`:
 * read it with `readWithin`, which then throws 413.
 */
async function readUploadedFile(request: FastifyRequest, { field, maxBytes }: UploadLimits): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Send the ${field} as multipart/form-data`);
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false });
  } catch (error) {
    throw multipartRefusal(error, field);
  }
  if (!part) throw validationFailed({ [field]: 'is required' });
  if (part.fieldname !== field) {
    part.file.resume();
    throw validationFailed({ [field]: 'is required', [part.fieldname]: 'is not allowed' });
  }
  return part;
}

/**
 * Hands the request's one file (see readUploadedFile) to `use`, and drains whatever `use` left
 * unread, whatever its outcome: a refusal before the file was read still consumes the request.
 */
export async function withUploadedFile<T>(request: FastifyRequest, limits: UploadLimits, use: (upload: MultipartFile) => Promise<T>): Promise<T> {
  const upload = await readUploadedFile(request, limits);
  try {
    return await use(upload);
  } finally {
    upload.file.resume();
  }
}

/** After the file's stream has ended: 413 when it was cut at the route's limit. */
export function assertWithinLimit(part: MultipartFile, maxBytes: number): void {
  if (part.file.truncated) throw tooLarge(maxBytes);
}

const tooLarge = (maxBytes: number): DomainError => new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);

/** Malformed or over-limit multipart bodies as the contract's errors (never a 500). */
export function multipartRefusal(error: unknown, field: string): unknown {
  if (error instanceof DomainError) return error;
  const e = error as { code?: string; statusCode?: number; message?: string };
  switch (e?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('PAYLOAD_TOO_LARGE', 'The upload has too many or too large parts');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', `Send the ${field} as multipart/form-data`);
    default:
      if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
        return validationFailed({ [field]: 'could not be read: the multipart body is malformed' });
      }
      // the multipart parser's own complaints (a body cut short, no boundary, a broken part header)
      if (
        /Unexpected end of (form|multipart data)|Boundary not found|Malformed part header|terminated early/i.test(e?.message ?? '') ||
        /[\\/]busboy[\\/]/.test((error as Error)?.stack ?? '')
      ) {
        return validationFailed({ [field]: 'could not be read: the multipart body is malformed' });
      }
      return error;
  }
}
