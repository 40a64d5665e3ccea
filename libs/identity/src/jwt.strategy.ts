import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_CONFIG, DomainError, type AppConfig } from '@chance/core';
import passport from 'passport';
import { Strategy } from 'passport-jwt';
import type { Caller } from './access.js';
import { AUTHENTICATOR, type Authenticator } from './authenticator.js';
import { bearerCredential } from './bearer.js';
import { SessionsService } from './sessions.service.js';
import { JWT_ALGORITHM, accessClaims } from './tokens.service.js';

export const JWT_STRATEGY = 'jwt';

/**
 * Access tokens as a passport strategy: the signature with the one key and HS256 only (any other
 * algorithm, `none` included, is refused), an unexpired `exp` required, then the user and the
 * session in one query: a deactivated user or an ended session is refused at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AUTHENTICATOR) authenticator: Authenticator,
    private readonly sessions: SessionsService,
  ) {
    super({ jwtFromRequest: bearerCredential, secretOrKey: config.jwtSecret, algorithms: [JWT_ALGORITHM], ignoreExpiration: false });
    authenticator.use(JWT_STRATEGY, this);
  }

  /** Where @nestjs/passport registers the strategy while constructing it: a throwaway, the app's own authenticator gets it above. */
  getPassportInstance(): Authenticator {
    return new passport.Passport();
  }

  async validate(payload: unknown): Promise<Caller> {
    const claims = accessClaims(payload);
    if (!claims) throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or expired');
    const user = await this.sessions.userOf(claims.sub, claims.sid);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'This session has ended or the account is not active: sign in again');
    return { ...user, sessionId: claims.sid, expiresAt: new Date(claims.exp * 1000) };
  }
}
