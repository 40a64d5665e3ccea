import { Injectable, SetMetadata, applyDecorators, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { DomainError, ErrorBodyDto } from '@chance/core';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { Role } from './roles.js';
import { TokensService } from './tokens.service.js';

/** The signed-in user of a request, as loaded (and checked active) by the guard. */
export interface Caller {
  id: number;
  role: Role;
  email: string;
}

const PUBLIC = 'identity:public';
const QUERY_TOKEN = 'identity:query-token';
const ROLES_KEY = 'identity:roles';

/** No sign-in needed; a valid bearer token still identifies the caller (guest or customer carts). */
export const Public = () => SetMetadata(PUBLIC, true);

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

/**
 * The global guard: routes are closed unless marked. The user is read from the database on every
 * request, so a deactivated user or a changed role takes effect at once, even with an unexpired token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    const queryToken = (request.query as Record<string, unknown> | undefined)?.accessToken;
    const header =
      request.headers.authorization ??
      (typeof queryToken === 'string' && this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets) ? `Bearer ${queryToken}` : undefined);
    if (!roles && !isPublic) throw new DomainError('FORBIDDEN', 'This route is closed'); // closed unless marked

    if (header) {
      const match = /^Bearer ([A-Za-z0-9_.-]{10,2000})$/.exec(header);
      if (!match) {
        if (!isPublic) throw new DomainError('UNAUTHENTICATED', 'Send Authorization: Bearer <accessToken>');
      } else {
        try {
          const claims = await this.tokens.verifyAccess(match[1]);
          const [user] = await this.dataSource.query('SELECT id, role, email, is_active FROM users WHERE id = $1', [claims.sub]);
          if (!user || !user.is_active) throw new DomainError('UNAUTHENTICATED', 'This account is not active');
          request.caller = { id: user.id, role: user.role, email: user.email };
        } catch (error) {
          if (!isPublic) throw error;
        }
      }
    }
    if (isPublic) return true;
    if (!request.caller) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    if (!roles!.includes(request.caller.role)) throw new DomainError('FORBIDDEN', 'You may not do this');
    return true;
  }
}
