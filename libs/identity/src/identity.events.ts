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
