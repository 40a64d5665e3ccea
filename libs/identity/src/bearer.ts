import type { FastifyRequest } from 'fastify';

const CREDENTIAL = Symbol('bearer-credential');

type WithCredential = FastifyRequest & { [CREDENTIAL]?: string };

/**
 * The credential of `Authorization: Bearer <credential>` (or of `?accessToken=` where a route
 * allows it), put on the request by the access guard once it has checked its form. Every passport
 * strategy reads it from here: the JWT one now, an API-key one (`ck_…`, docs/api.md#api-keys) beside it.
 */
export const bearerCredential = (request: FastifyRequest): string | null => (request as WithCredential)[CREDENTIAL] ?? null;

export function setBearerCredential(request: FastifyRequest, credential: string): void {
  (request as WithCredential)[CREDENTIAL] = credential;
}
