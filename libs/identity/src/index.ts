export * from './identity.module.js';
export * from './access.js';
export * from './roles.js';
export { UsersService, createUserWithProfile, normalizeEmail, type NewUser } from './users.service.js';
export { UserEntity, ProfileEntity } from './user.entity.js';
export { OtpSender, type OtpMessage } from './otp-sender.js';
