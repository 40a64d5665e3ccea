import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passport from 'passport';
import { Strategy } from 'passport-strategy';
import type { FastifyRequest } from 'fastify';
import type { Caller } from './access.js';
import { isApiKeyCredential } from './api-key-secret.js';
import { ApiKeysService, callerRoleOf } from './api-keys.service.js';
import { AUTHENTICATOR, type Authenticator } from './authenticator.js';
import { bearerCredential } from './bearer.js';

export const API_KEY_STRATEGY = 'api-key';

type Verify = (secret: string, done: (error: unknown, caller?: Caller | false | null) => void) => void;

/**
 * The passport strategy of `Authorization: Bearer ck_…`: it takes only credentials that look like
 * API keys (anything else is left to the other strategies) and hands them to `verify`.
 */
class BearerApiKeyStrategy extends Strategy {
  constructor(private readonly verify: Verify) {
    super();
  }

  /** passport types the request as Express's; here it is Fastify's, as everywhere in this app */
  override authenticate(request: Parameters<Strategy['authenticate']>[0]): void {
    const credential = bearerCredential(request as unknown as FastifyRequest);
    if (!credential || !isApiKeyCredential(credential)) return this.fail(401);
    this.verify(credential, (error, caller) => {
      if (error) this.error(error as Error);
      else if (!caller) this.fail(401);
      else this.success(caller);
    });
  }
}

/**
 * API keys (docs/api.md#api-keys) beside the JWT strategy: a usable key becomes a caller with the key's
 * role, acting for the admin who created it; a `read_only` key is a staff caller that may only read
 * (the access guard refuses it every other method). Registered on the app's own authenticator.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(BearerApiKeyStrategy, API_KEY_STRATEGY) {
  constructor(
    @Inject(AUTHENTICATOR) authenticator: Authenticator,
    private readonly keys: ApiKeysService,
  ) {
    super();
    authenticator.use(API_KEY_STRATEGY, this);
  }

  /** Where @nestjs/passport registers the strategy while constructing it: a throwaway, the app's own authenticator gets it above. */
  getPassportInstance(): Authenticator {
    return new passport.Passport();
  }

  async validate(secret: string): Promise<Caller | null> {
    const holder = await this.keys.holderOf(secret);
    if (!holder) return null;
    return {
      id: holder.userId,
      role: callerRoleOf(holder.keyRole),
      email: holder.email,
      apiKey: { id: holder.keyId, readOnly: holder.keyRole === 'read_only' },
    };
  }
}
