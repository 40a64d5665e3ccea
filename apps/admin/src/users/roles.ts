import type { Role } from '../types';

export const roleChoices: { id: Role; name: string }[] = [
  { id: 'admin', name: 'Admin' },
  { id: 'staff', name: 'Staff' },
  { id: 'customer', name: 'Customer' },
];
