import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@chance/core';
import { AppModule } from './app.module.js';

const BACK_OFFICE = 'Admins and staff (a customer’s token is 403 FORBIDDEN; none is 401 UNAUTHENTICATED).';
const ADMIN_ONLY = 'Admins only (a staff or customer token is 403 FORBIDDEN; none is 401 UNAUTHENTICATED).';

/**
 * Every tag of the document with its description, in the order the docs show them. An operation's
 * tag (`@ApiTags`) must be listed here: the OpenAPI linter (`npm run lint`, redocly.yaml) refuses a
 * tag without a description.
 */
export const API_TAGS: readonly { name: string; description: string }[] = [
  { name: 'auth', description: 'Sign-up, sign-in, token refresh, e-mail verification and password recovery (SPEC sections 2 and 18). Public unless stated.' },
  { name: 'me', description: 'The signed-in user’s own profile and messages to the shop. Any signed-in user (401 UNAUTHENTICATED without a token).' },
  {
    name: 'me: messages',
    description: 'The signed-in customer’s messages with the shop, both directions (SPEC section 11): write to the shop, read what was written.',
  },
  { name: 'me: notifications', description: 'The signed-in user’s notifications (SPEC section 11): list, unread count, mark read, live stream.' },
  { name: 'store: settings', description: 'What a shop front shows: the shop’s name, currency and public rules. Public.' },
  { name: 'store: catalog', description: 'Active categories and products with live prices and stock (SPEC section 4). Public; never cost prices.' },
  {
    name: 'store: carts',
    description:
      'Carts of guests (reached with X-Cart-Token) and signed-in customers (reached with the bearer token), with live prices and totals (SPEC section 5). ' +
      'A cart the caller may not reach is 404 NOT_FOUND.',
  },
  {
    name: 'store: checkout and orders',
    description:
      'Checkout (Idempotency-Key required), your orders, their invoices and credit notes, and card payment (SPEC sections 6 and 8). ' +
      'A guest reaches an order with its X-Order-Token; another’s order is 404 NOT_FOUND.',
  },
  { name: 'store: returns', description: 'Return requests for your delivered orders within the return window (SPEC section 15).' },
  { name: 'store: services', description: 'Service types on offer and your bookings (SPEC section 11).' },
  { name: 'admin: settings', description: `Shop settings: tax rate, currency, seller’s legal details, return window (SPEC section 3). ${ADMIN_ONLY}` },
  { name: 'admin: users', description: `Admin, staff and customer accounts (SPEC section 2). ${ADMIN_ONLY}` },
  { name: 'admin: customers', description: `Customer accounts across channels, their notes and timeline (SPEC section 17). ${BACK_OFFICE}` },
  { name: 'admin: API keys', description: `Keys for integrations, shown once at creation (SPEC section 18). ${ADMIN_ONLY}` },
  { name: 'admin: categories', description: `The category tree (SPEC section 4). ${BACK_OFFICE}` },
  { name: 'admin: products', description: `Products, their variants and images, CSV import and export (SPEC sections 4 and 19). ${BACK_OFFICE}` },
  { name: 'admin: stock', description: `The stock ledger, adjustments and stock counts (SPEC sections 4 and 19). ${BACK_OFFICE}` },
  { name: 'admin: coupons', description: `Coupons and their derived status (SPEC section 7). ${BACK_OFFICE}` },
  { name: 'admin: carts', description: `Carts, read only, to find abandoned ones. ${BACK_OFFICE}` },
  { name: 'admin: orders', description: `Orders, drafts, editing, status moves, payments and refunds (SPEC sections 8, 15 and 16). ${BACK_OFFICE}` },
  { name: 'admin: payments', description: `Every payment of every order, read only (SPEC section 8). ${BACK_OFFICE}` },
  { name: 'admin: invoices', description: `Invoices and credit notes, read only, and their PDFs (SPEC sections 8 and 15). ${BACK_OFFICE}` },
  { name: 'admin: refunds and returns', description: `Refunds (read only) and returns from request to refund (SPEC section 15). ${BACK_OFFICE}` },
  { name: 'admin: suppliers', description: `Suppliers (SPEC section 9). ${BACK_OFFICE}` },
  { name: 'admin: purchases', description: `Purchases from suppliers and receiving their goods into stock (SPEC section 9). ${BACK_OFFICE}` },
  { name: 'admin: purchase invoices', description: `Suppliers’ invoices for purchases (SPEC section 9). ${BACK_OFFICE}` },
  { name: 'admin: in-store customers', description: `Customers of the physical shop and what they owe (SPEC section 10). ${BACK_OFFICE}` },
  { name: 'admin: in-store sales', description: `Counter sales with partial payments, cancellation and receipts (SPEC section 10). ${BACK_OFFICE}` },
  { name: 'admin: services', description: `Service types on offer (SPEC section 11). ${BACK_OFFICE}` },
  { name: 'admin: bookings', description: `Service bookings, their status and payments (SPEC sections 11 and 17). ${BACK_OFFICE}` },
  { name: 'admin: messages', description: `Messages to one customer or to every customer, kept as records (SPEC section 11). ${BACK_OFFICE}` },
  { name: 'admin: reports', description: `Sales, profit and stock reports; money in minor units (SPEC section 13). ${BACK_OFFICE}` },
  { name: 'admin: audit log', description: `Every back-office change with who made it, before and after. ${ADMIN_ONLY}` },
  { name: 'admin: e-mails', description: `The log of e-mails sent (SPEC section 18). ${ADMIN_ONLY}` },
  { name: 'admin: webhooks', description: `Webhook endpoints, their signed deliveries and the delivery log (SPEC section 18). ${ADMIN_ONLY}` },
  { name: 'health', description: 'Liveness and readiness for load balancers and monitors. Public.' },
];

/** The OpenAPI document of the application's routes: what /api/openapi.json serves. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Chance Store API')
    .setDescription(
      'Back office and store API. Money is integer minor units; rates are basis points; lists follow the react-admin simple REST protocol ' +
        '(sort, range, filter query parameters and a Content-Range header; an empty array filter matches nothing). Every error is {statusCode, error, code, message, errors?}. ' +
        'A JSON body holds at most 1,000 keys and 1,000 array elements in all and nests at most 32 levels (400 VALIDATION_FAILED beyond; 413 PAYLOAD_TOO_LARGE above the body limit, 1 MiB unless configured); ' +
        'an action whose body fields are all optional also takes no body at all. Dates are in the years 1900 to 9999.',
    )
    .setVersion('1.0')
    // paths start with /api: the server is wherever this document is served from
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  return SwaggerModule.createDocument(app, builder.build());
}

/**
 * The same document without a database or a server: the application in Nest's preview mode (modules
 * and controllers scanned, no provider instantiated, nothing connected). `npm run lint` lints it
 * (tools/openapi/lint.js); apps/api/test/openapi-types.e2e-spec.ts checks it equals the served one.
 */
export async function previewOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, 'postgres://preview.invalid/none'), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
