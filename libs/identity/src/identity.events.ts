import type { Role } from './roles.js';

/** `customer.created`, after commit: a customer account was created (registration, or by an admin). */
export interface CustomerCreated {
  userId: number;
}

/** `user.created`, after commit: a back-office account (admin or staff) was created. */
export interface UserCreated {
  userId: number;
  role: Exclude<Role, 'customer'>;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'customer.created': CustomerCreated;
    'user.created': UserCreated;
  }
}

/**
 * `password.reset_requested`, after commit: someone asked for a reset link for this e-mail
 * (normalized). Raised whether or not an account has it, so the request does the same work
 * either way; the e-mail handler finds the account, if any, and makes the link when it sends.
 */
export interface PasswordResetRequested {
  email: string;
}

/** `otp.requested`, after commit: a user asked for a verification code by e-mail (the code is made when the e-mail is sent: it is never stored readable). */
export interface OtpRequested {
  userId: number;
  channel: 'email';
}

declare module '@chance/core' {
  interface OutboxEvents {
    'password.reset_requested': PasswordResetRequested;
    'otp.requested': OtpRequested;
  }
}
