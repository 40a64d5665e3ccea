import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PasswordResetService, RESET_PASSWORD_PATH } from '@chance/identity';

const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * `<PUBLIC_URL>/reset-password?token=…` opens the page that asks for the new password in the app
 * its owner uses: the storefront's (`/shop/reset-password`) for a customer — and for a token that
 * is no longer usable, which that page then says — and the admin SPA's (`/#/reset-password`) for
 * staff and admins. The answer is not cached and sends no referrer.
 */
export function serveResetPasswordLink(app: NestFastifyApplication): void {
  const resets = app.get(PasswordResetService);
  app
    .getHttpAdapter()
    .getInstance()
    .get(RESET_PASSWORD_PATH, async (request: FastifyRequest<{ Querystring: { token?: unknown } }>, reply: FastifyReply) => {
      const token = typeof request.query.token === 'string' && TOKEN.test(request.query.token) ? request.query.token : '';
      const role = token ? await resets.audienceOf(token) : null;
      const query = token ? `?token=${encodeURIComponent(token)}` : '';
      const target = role && role !== 'customer' ? `/#${RESET_PASSWORD_PATH}${query}` : `/shop${RESET_PASSWORD_PATH}${query}`;
      return reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer').redirect(target, 302);
    });
}
