import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, retentionRule, type AppConfig } from '@chance/core';
import { AccessGuard } from './access.js';
import { AdminApiKeysController } from './admin-api-keys.controller.js';
import { AdminCustomersController } from './admin-customers.controller.js';
import { AdminUsersController } from './admin-users.controller.js';
import { ApiKeyStrategy } from './api-key.strategy.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthController } from './auth.controller.js';
import { authenticatorProvider } from './authenticator.js';
import { AuthService } from './auth.service.js';
import { MeController } from './me.controller.js';
import { ConsoleOtpSender, OtpSender } from './otp-sender.js';
import { OtpService } from './otp.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { IDENTITY_RETENTION } from './retention-rules.js';
import { JwtStrategy } from './jwt.strategy.js';
import { PasswordHasher } from './password.js';
import { SessionsService } from './sessions.service.js';
import { JWT_ALGORITHM, TokensService } from './tokens.service.js';
import { UsersService } from './users.service.js';
import { CustomersService } from './customers.service.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: JWT_ALGORITHM },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController, MeController, AdminUsersController, AdminCustomersController, AdminApiKeysController],
  providers: [
    UsersService,
    CustomersService,
    AuthService,
    TokensService,
    SessionsService,
    PasswordHasher,
    authenticatorProvider,
    JwtStrategy,
    ApiKeysService,
    ApiKeyStrategy,
    OtpService,
    PasswordResetService,
    { provide: OtpSender, useClass: ConsoleOtpSender },
    { provide: APP_GUARD, useClass: AccessGuard },
    ...IDENTITY_RETENTION.map(retentionRule),
  ],
  exports: [UsersService, TokensService, SessionsService, OtpService, PasswordResetService],
})
export class IdentityModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** ADMIN_EMAIL / ADMIN_PASSWORD: the first admin, created on start when no admin exists. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (adminEmail && adminPassword && (await this.users.bootstrapAdmin(adminEmail, adminPassword))) {
      this.logger.log(`created the first admin ${adminEmail}`);
    }
  }
}
