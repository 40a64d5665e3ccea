export * from './identity.module.js';
export * from './access.js';
export * from './roles.js';
export { CustomersService } from './customers.service.js';
export { UsersService, createUserWithProfile, normalizeEmail, type NewUser, type HashedNewUser } from './users.service.js';
export {
  emailOf,
  userExists,
  isCustomerAccount,
  contactOf,
  contactsOf,
  contactsIn,
  activeUserIds,
  activeUserIdsWithRoles,
  type Contact,
} from './user-directory.js';
export { PasswordHasher, hashPassword } from './password.js';
export { SessionsService, SESSIONS_CHANNEL } from './sessions.service.js';
export { JwtStrategy, JWT_STRATEGY } from './jwt.strategy.js';
export { bearerCredential } from './bearer.js';
export { UserEntity, ProfileEntity } from './user.entity.js';
export { CustomerAccountEntity } from './customer-account.entity.js';
export { OtpSender, type OtpMessage } from './otp-sender.js';
export type * from './identity.events.js';
export { ApiKeyEntity } from './api-key.entity.js';
export { API_KEY_PREFIX, isApiKeyCredential } from './api-key-secret.js';
export { OtpService } from './otp.service.js';
export { PasswordResetService, PASSWORD_RESET_TTL_SECONDS, RESET_PASSWORD_PATH, resetPasswordLink } from './password-reset.service.js';
export { API_KEY_ROLES, type ApiKeyRole } from './dto/api-key.dto.js';
export { toAdminUserView } from './user-view.js';
export { OTP_TTL_SECONDS } from './otp.js';
