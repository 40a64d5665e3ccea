import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { PRIVATE_EXIF, picture, pngBomb } from './support/images.js';
import { filesUnder, uploadFile } from './support/uploads.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;

const upload = (productId: number, content: Buffer | string, options?: Parameters<typeof uploadFile>[4]) =>
  uploadFile(api, `/api/admin/products/${productId}/images`, token, content, options);

/** The error body of a fetch answer. */
const errorOf = async (response: Response) => (await response.json()) as { code: string; errors?: Record<string, string> };

/** The file a /media/ URL names, in MEDIA_DIR. */
const fileOf = (url: string) => join(api.mediaDir, url.replace(/^\/media\//, ''));

async function imageOk(productId: number, content: Buffer) {
  const reply = await upload(productId, content);
  if (reply.status !== 201) throw new Error(`upload: ${reply.status} ${reply.text}`);
  return reply.body;
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
});
afterAll(() => api.close());

describe('uploading product images', () => {
  it('stores a PNG as a large size and a thumbnail without its EXIF, shown on the store product', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Red Kettle', price: 4500, stock: 3 });
    const source = await picture('png', 2400, 1200).withExif(PRIVATE_EXIF).toBuffer();
    expect((await sharp(source).metadata()).exif?.toString('latin1')).toContain('Ada Lovelace'); // the upload does carry it

    const reply = await upload(productId, source, { filename: 'kettle.png', type: 'image/png' });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(Number),
      url: expect.stringMatching(new RegExp(`^/media/products/${productId}/[0-9a-f]{32}-large\\.webp$`)),
      thumbnailUrl: expect.stringMatching(new RegExp(`^/media/products/${productId}/[0-9a-f]{32}-thumb\\.webp$`)),
      alt: '',
      position: 0,
      width: 1600,
      height: 800,
    });

    const store = await api.request('GET', `/api/store/products/${productId}`);
    expect(store.body.images).toEqual([reply.body]);
    const listed = await api.request('GET', `/api/store/products?filter=${encodeURIComponent(JSON.stringify({ id: [productId] }))}`);
    expect(listed.body[0].images).toEqual([reply.body]);
    expect((await api.request('GET', `/api/admin/products/${productId}`, { token })).body.images).toEqual([reply.body]);

    for (const url of [reply.body.url, reply.body.thumbnailUrl]) {
      const served = await fetch(api.url + url);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      const bytes = Buffer.from(await served.arrayBuffer());
      const stored = await sharp(bytes).metadata();
      expect(stored.format).toBe('webp');
      expect(stored.exif).toBeUndefined();
      expect(stored.xmp).toBeUndefined();
      expect(stored.icc).toBeUndefined();
      expect(bytes.toString('latin1')).not.toContain('Ada Lovelace');
      expect(bytes.toString('latin1')).not.toContain('PhoneCo');
    }
    const thumb = await sharp(fileOf(reply.body.thumbnailUrl)).metadata();
    expect([thumb.width, thumb.height]).toEqual([400, 200]);
  });

  it('turns a JPEG upright by its EXIF orientation before dropping the EXIF, and never enlarges a small one', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Portrait Frame', price: 1500 });
    const sideways = await picture('jpeg', 300, 200).withExif(PRIVATE_EXIF).withMetadata({ orientation: 6 }).toBuffer();
    const image = await imageOk(productId, sideways);
    expect([image.width, image.height]).toEqual([200, 300]);
    const stored = await sharp(fileOf(image.url)).metadata();
    expect([stored.width, stored.height, stored.orientation, stored.exif]).toEqual([200, 300, undefined, undefined]);
    const webp = await imageOk(productId, await picture('webp', 120, 90).toBuffer());
    expect([webp.width, webp.height, webp.position]).toEqual([120, 90, 1]);
  });

  it('refuses what is not a JPEG, PNG or WebP picture, leaving no file behind', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Refusals', price: 100 });
    const before = filesUnder(api.mediaDir);
    const refused = async (content: Buffer | string, filename: string, type: string) => {
      const reply = await upload(productId, content, { filename, type });
      return [reply.status, reply.body?.code, reply.body?.errors?.file];
    };
    expect(await refused('This is a text file pretending to be a photo.\n', 'photo.jpg', 'image/jpeg')).toEqual([
      400,
      'VALIDATION_FAILED',
      'is not a JPEG, PNG or WebP image',
    ]);
    expect(await refused(Buffer.alloc(0), 'empty.png', 'image/png')).toEqual([400, 'VALIDATION_FAILED', 'is empty']);
    expect(await refused(pngBomb(50_000), 'tiny.png', 'image/png')).toEqual([
      400,
      'VALIDATION_FAILED',
      'has 50000 × 50000 pixels: at most 64 megapixels are accepted',
    ]);
    expect(
      await refused(
        await sharp({ create: { width: 8, height: 8, channels: 3, background: 'blue' } })
          .gif()
          .toBuffer(),
        'a.png',
        'image/png',
      ),
    ).toEqual([400, 'VALIDATION_FAILED', 'is not a JPEG, PNG or WebP image']);
    expect(await refused('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'logo.svg', 'image/svg+xml')).toEqual([
      400,
      'VALIDATION_FAILED',
      'is not a JPEG, PNG or WebP image',
    ]);
    // a real PNG cut short: the header reads, the pixels do not
    const whole = await picture('png', 800, 600).toBuffer();
    const [status, code] = await refused(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.png', 'image/png');
    expect([status, code]).toEqual([400, 'VALIDATION_FAILED']);

    // 11 MB (a PNG signature, then noise): over the route's 10 MB
    const big = Buffer.concat([whole.subarray(0, 8), randomBytes(11 * 1024 * 1024)]);
    const tooBig = await upload(productId, big, { filename: 'huge.png', type: 'image/png' });
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    expect(filesUnder(api.mediaDir)).toEqual(before);
    expect((await api.request('GET', `/api/admin/products/${productId}`, { token })).body.images).toEqual([]);
  });

  it('wants the file in the field `file`, as multipart, and only on the upload route', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Forms', price: 100 });
    const png = await picture('png', 20, 20).toBuffer();
    const otherField = await upload(productId, png, { field: 'image' });
    expect([otherField.status, otherField.body.errors]).toEqual([400, { file: 'is required', image: 'is not allowed' }]);
    const noFile = new FormData();
    noFile.append('alt', 'text only');
    const fieldsOnly = await api.request('POST', `/api/admin/products/${productId}/images`, { token, form: noFile });
    expect([fieldsOnly.status, fieldsOnly.body.errors]).toEqual([400, { file: 'is required' }]);
    const json = await api.request('POST', `/api/admin/products/${productId}/images`, { token, body: { file: 'x' } });
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    // every other route still takes JSON only
    const form = new FormData();
    form.append('name', 'Sneaky');
    const elsewhere = await api.request('POST', '/api/admin/categories', { token, form });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const missing = await upload(999_999, png);
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    const anonymous = await api.request('POST', `/api/admin/products/${productId}/images`, { form });
    expect(anonymous.status).toBe(401);
  });

  it('answers malformed multipart bodies with 4xx, never 500, and keeps nothing', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Malformed', price: 100 });
    const before = filesUnder(api.mediaDir);
    const png = await picture('png', 64, 64).toBuffer();
    const post = (contentType: string, body: Buffer | string) =>
      fetch(`${api.url}/api/admin/products/${productId}/images`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body,
      });
    const part = (boundary: string, content: Buffer) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
        content,
      ]);
    const noBoundary = await post('multipart/form-data', 'whatever');
    expect([400, 415]).toContain(noBoundary.status);
    // the body stops in the middle of the file: no closing boundary
    const cut = await post('multipart/form-data; boundary=XyZ', part('XyZ', png.subarray(0, 40)));
    expect(cut.status).toBe(400);
    expect((await errorOf(cut)).code).toBe('VALIDATION_FAILED');
    // two files where one is taken
    const two = Buffer.concat([part('XyZ', png), Buffer.from('\r\n'), part('XyZ', png), Buffer.from('\r\n--XyZ--\r\n')]);
    const twice = await post('multipart/form-data; boundary=XyZ', two);
    expect([201, 413]).toContain(twice.status);
    if (twice.status === 201) expect((await api.request('GET', `/api/admin/products/${productId}`, { token })).body.images).toHaveLength(1);
    const after = filesUnder(api.mediaDir).filter((f) => !f.startsWith(`products/${productId}/`));
    expect(after).toEqual(before.filter((f) => !f.startsWith(`products/${productId}/`)));
    expect(filesUnder(api.mediaDir).filter((f) => f.startsWith('.tmp/'))).toEqual([]);
  });

  it('keeps positions 0…n−1 when several uploads of one product race', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Busy Gallery', price: 100 });
    const pictures = await Promise.all([0, 1, 2, 3, 4].map((i) => picture('png', 50 + i, 40).toBuffer()));
    const replies = await Promise.all(pictures.map((p) => upload(productId, p)));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const { rows } = await api.db.pool.query('SELECT position FROM product_images WHERE product_id = $1 ORDER BY position', [productId]);
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('ordering, alt text, variant images and deletion', () => {
  it('moves an image in the order, keeps the others in theirs, and changes alt text', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Three Views', price: 100 });
    const [a, b, c] = [
      await imageOk(productId, await picture('png', 30, 30).toBuffer()),
      await imageOk(productId, await picture('png', 31, 30).toBuffer()),
      await imageOk(productId, await picture('png', 32, 30).toBuffer()),
    ];
    const moved = await api.request('PUT', `/api/admin/products/${productId}/images/${c.id}`, { token, body: { position: 0, alt: '  Seen from above ' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: c.id, position: 0, alt: 'Seen from above' });
    const store = await api.request('GET', `/api/store/products/${productId}`);
    expect(store.body.images.map((i: any) => [i.id, i.position])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    const last = await api.request('PUT', `/api/admin/products/${productId}/images/${c.id}`, { token, body: { position: 99 } });
    expect(last.body.position).toBe(2);

    const { productId: otherProduct } = await productWithStock(api, token, { name: 'Elsewhere', price: 100 });
    expect((await api.request('PUT', `/api/admin/products/${otherProduct}/images/${a.id}`, { token, body: { alt: 'x' } })).status).toBe(404);
    const bad = await api.request('PUT', `/api/admin/products/${productId}/images/${a.id}`, { token, body: { position: -1, alt: 5, url: '/etc/passwd' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['alt', 'position', 'url']);
  });

  it('lets a variant show one of its own product’s images, never another product’s', async () => {
    const { productId, variantIds } = await productWithStock(api, token, {
      name: 'Two-Colour Mug',
      price: 1200,
      variants: [
        { sku: 'MUG-RED', attributes: { color: 'red' }, stock: 5 },
        { sku: 'MUG-BLUE', attributes: { color: 'blue' }, stock: 5 },
      ],
    });
    const red = await imageOk(productId, await picture('png', 60, 60).toBuffer());
    const blue = await imageOk(productId, await picture('png', 61, 60).toBuffer());
    const { productId: other } = await productWithStock(api, token, { name: 'Stranger', price: 100 });
    const foreign = await imageOk(other, await picture('png', 62, 60).toBuffer());

    const variants = (imageIds: (number | null)[]) =>
      variantIds.map((id, i) => ({ id, sku: i === 0 ? 'MUG-RED' : 'MUG-BLUE', attributes: { color: i === 0 ? 'red' : 'blue' }, imageId: imageIds[i] }));
    const set = await api.request('PUT', `/api/admin/products/${productId}`, { token, body: { variants: variants([red.id, blue.id]) } });
    expect(set.status).toBe(200);
    expect(set.body.variants.map((v: any) => v.imageId)).toEqual([red.id, blue.id]);
    expect((await api.request('GET', `/api/store/products/${productId}`)).body.variants.map((v: any) => v.imageId)).toEqual([red.id, blue.id]);

    const stranger = await api.request('PUT', `/api/admin/products/${productId}`, { token, body: { variants: variants([red.id, foreign.id]) } });
    expect([stranger.status, stranger.body.errors]).toEqual([400, { 'variants.1.imageId': 'is not an image of this product' }]);
    const unchanged = await api.request('PUT', `/api/admin/products/${productId}`, { token, body: { name: 'Two-Colour Mug' } });
    expect(unchanged.body.variants.map((v: any) => v.imageId)).toEqual([red.id, blue.id]);

    // deleting an image: its files go, variants showing it show none, the rest move up
    const removed = await api.request('DELETE', `/api/admin/products/${productId}/images/${red.id}`, { token });
    expect([removed.status, removed.body.id]).toEqual([200, red.id]);
    expect(existsSync(fileOf(red.url))).toBe(false);
    expect(existsSync(fileOf(red.thumbnailUrl))).toBe(false);
    expect((await fetch(api.url + red.url)).status).toBe(404);
    const after = await api.request('GET', `/api/admin/products/${productId}`, { token });
    expect(after.body.variants.map((v: any) => v.imageId)).toEqual([null, blue.id]);
    expect(after.body.images.map((i: any) => [i.id, i.position])).toEqual([[blue.id, 0]]);
    expect(existsSync(fileOf(blue.url))).toBe(true);
    expect((await api.request('DELETE', `/api/admin/products/${productId}/images/${red.id}`, { token })).status).toBe(404);
  });

  it('deleting a product removes its image files', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Short-Lived', price: 100 });
    const image = await imageOk(productId, await picture('png', 40, 40).toBuffer());
    expect(existsSync(fileOf(image.url))).toBe(true);
    expect((await api.request('DELETE', `/api/admin/products/${productId}`, { token })).status).toBe(200);
    expect(filesUnder(api.mediaDir).filter((f) => f.startsWith(`products/${productId}/`))).toEqual([]);
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM product_images WHERE product_id = $1', [productId])).rows[0].n).toBe(0);
  });
});

describe('order and sale lines snapshot the thumbnail', () => {
  it('copies the variant’s image (or the product’s first) into the lines, and keeps it when the gallery changes', async () => {
    const { productId, variantIds } = await productWithStock(api, token, {
      name: 'Snapshot Lamp',
      price: 3000,
      variants: [
        { sku: 'LAMP-S', attributes: { size: 'S' }, stock: 10 },
        { sku: 'LAMP-L', attributes: { size: 'L' }, stock: 10 },
      ],
    });
    const { productId: bare, variantIds: bareVariants } = await productWithStock(api, token, { name: 'No Picture', price: 500, stock: 5 });
    const first = await imageOk(productId, await picture('png', 50, 50).toBuffer());
    const large = await imageOk(productId, await picture('png', 51, 50).toBuffer());
    await api.request('PUT', `/api/admin/products/${productId}`, {
      token,
      body: {
        variants: [
          { id: variantIds[0], sku: 'LAMP-S', attributes: { size: 'S' } },
          { id: variantIds[1], sku: 'LAMP-L', attributes: { size: 'L' }, imageId: large.id },
        ],
      },
    });
    const cart = await guestCartWith(api, [
      { variantId: variantIds[0], quantity: 1 },
      { variantId: variantIds[1], quantity: 1 },
      { variantId: bareVariants[0], quantity: 1 },
    ]);
    const order = await guestCheckout(api, cart);
    expect(order.status).toBe(201);
    const thumbs = (lines: any[]) => Object.fromEntries(lines.map((l) => [l.variantId, l.thumbnailUrl]));
    const expected = { [variantIds[0]]: first.thumbnailUrl, [variantIds[1]]: large.thumbnailUrl, [bareVariants[0]]: null };
    expect(thumbs(order.body.lines)).toEqual(expected);

    const customer = await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Walk-in Wanda', phone: '555-0101' } });
    const sale = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: {
        customerId: customer.body.id,
        lines: [
          { variantId: variantIds[0], quantity: 1 },
          { variantId: variantIds[1], quantity: 1 },
          { variantId: bareVariants[0], quantity: 1 },
        ],
      },
    });
    expect(sale.status).toBe(201);
    expect(thumbs(sale.body.lines)).toEqual(expected);

    // the gallery changes afterwards: the lines keep what they recorded
    await api.request('PUT', `/api/admin/products/${productId}/images/${large.id}`, { token, body: { position: 0 } });
    const read = await api.request('GET', `/api/admin/orders/${order.body.id}`, { token });
    expect(thumbs(read.body.lines)).toEqual(expected);
    expect(thumbs((await api.request('GET', `/api/admin/offline-sales/${sale.body.id}`, { token })).body.lines)).toEqual(expected);
    void bare;
  });
});
