import { Inject, Injectable, SetMetadata, applyDecorators, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { DomainError, ErrorBodyDto } from '@chance/core';
import type { FastifyRequest } from 'fastify';
import { isApiKeyCredential } from './api-key-secret.js';
import { API_KEY_STRATEGY } from './api-key.strategy.js';
import { AUTHENTICATOR, type Authenticator } from './authenticator.js';
import { setBearerCredential } from './bearer.js';
import { JWT_STRATEGY } from './jwt.strategy.js';
import type { Role } from './roles.js';

/** The signed-in user of a request, as loaded (and checked active, its session open) by the guard. */
export interface Caller {
  id: number;
  role: Role;
  email: string;
  /** the session the access token belongs to */
  sessionId?: string;
  /** when the access token expires */
  expiresAt?: Date;
  /**
   * Set when an API key authenticated the request (docs/api.md#api-keys): the key acts for the admin
   * `id` with `role`; a read-only key may only read. The audit log names the key as the actor.
   */
  apiKey?: { id: number; readOnly: boolean };
}

const PUBLIC = 'identity:public';
const QUERY_TOKEN = 'identity:query-token';
const ROLES_KEY = 'identity:roles';

/**
 * No sign-in needed; a valid bearer token still identifies the caller (guest or customer carts). In
 * the OpenAPI document: anonymous, or a bearer token.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC, true), ApiSecurity({}), ApiBearerAuth());

/** Signed in with one of these roles: others get 403, no token 401. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiResponse({ status: 401, description: 'Unauthorized: UNAUTHENTICATED', type: ErrorBodyDto }),
    ApiResponse({ status: 403, description: 'Forbidden: FORBIDDEN', type: ErrorBodyDto }),
  );

/**
 * Also accept the access token as `?accessToken=` (for EventSource, which cannot send headers).
 * Only for read-only streams: tokens in URLs end up in logs and histories.
 */
export const AllowQueryToken = () => SetMetadata(QUERY_TOKEN, true);

/** Back-office routes: admins and staff. */
export const BackOffice = () => Roles('admin', 'staff');
/** Admin-only routes: users, settings, audit log. */
export const AdminOnly = () => Roles('admin');
/** Any signed-in user. */
export const SignedIn = () => Roles('admin', 'staff', 'customer');

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Caller | undefined => {
  return context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>().caller;
});

/** The passport strategies that may authenticate a bearer credential, tried in order: access tokens, then API keys (`ck_…`). */
export const AUTH_STRATEGIES = [JWT_STRATEGY, API_KEY_STRATEGY];

/** API keys act on the admin API only; on /api/me, the store API and the auth routes they are 401 (docs/api.md#api-keys). */
const ADMIN_API = '/api/admin/';
const READ_METHODS = new Set(['GET', 'HEAD']);

const BEARER = /^Bearer ([A-Za-z0-9_.-]{10,2000})$/;

/**
 * The global guard: routes are closed unless marked. A bearer credential is authenticated by the
 * passport strategies of AUTH_STRATEGIES (jwt.strategy.ts, api-key.strategy.ts), which read the
 * user and the session (or the key) from the database on every request (one query), so a
 * deactivated user, a changed role, an ended session or a revoked key takes effect at once, even
 * with an unexpired token. On public routes a credential that fails is ignored (the caller is
 * anonymous) — except an API key outside the admin API, which is always a 401.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { caller?: Caller }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    const queryToken = (request.query as Record<string, unknown> | undefined)?.accessToken;
    const header =
      request.headers.authorization ??
      (typeof queryToken === 'string' && this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets) ? `Bearer ${queryToken}` : undefined);
    if (!roles && !isPublic) throw new DomainError('FORBIDDEN', 'This route is closed'); // closed unless marked

    if (header) {
      const match = BEARER.exec(header);
      if (!match) {
        if (!isPublic) throw new DomainError('UNAUTHENTICATED', 'Send Authorization: Bearer <accessToken>');
      } else {
        const route = request.routeOptions?.url ?? request.url;
        if (isApiKeyCredential(match[1]) && !route.startsWith(ADMIN_API)) {
          throw new DomainError('UNAUTHENTICATED', 'API keys work on the admin API (/api/admin/…) only: sign in as a user here');
        }
        setBearerCredential(request, match[1]);
        try {
          request.caller = await this.authenticate(request, http.getResponse());
        } catch (error) {
          if (!isPublic) throw error;
        }
      }
    }
    if (isPublic) return true;
    if (!request.caller) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    if (!roles!.includes(request.caller.role)) throw new DomainError('FORBIDDEN', 'You may not do this');
    if (request.caller.apiKey?.readOnly && !READ_METHODS.has(request.method)) throw new DomainError('FORBIDDEN', 'This API key is read-only');
    return true;
  }

  /** Runs the strategies (stateless: no passport session); their own refusal (an ended session) or the contract's 401. */
  private authenticate(request: FastifyRequest, reply: unknown): Promise<Caller> {
    return new Promise((resolve, reject) => {
      const verdict = (error: unknown, caller: Caller | false | null) => {
        if (error) reject(error);
        else if (!caller) reject(new DomainError('UNAUTHENTICATED', 'The access token is invalid or expired'));
        else resolve(caller);
      };
      this.authenticator.authenticate(AUTH_STRATEGIES, { session: false }, verdict)(request, reply, (error?: unknown) =>
        reject(error ?? new DomainError('UNAUTHENTICATED', 'The access token is invalid or expired')),
      );
    });
  }
}
