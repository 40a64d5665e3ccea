import type { EntityManager } from 'typeorm';

/** An in-store customer as other libraries address them (a booking's invoice and credit notes). */
export interface OfflineCustomerContact {
  id: number;
  name: string;
  phone: string;
  email: string | null;
  address: string | null;
}

/**
 * The in-store customer, read in the caller's transaction; null when there is none: the one way
 * other libraries reach in-store customers (docs/architecture.md#table-ownership).
 */
export async function offlineCustomerContact(manager: EntityManager, id: number): Promise<OfflineCustomerContact | null> {
  const [row] = await manager.query('SELECT id, name, phone, email, address FROM offline_customers WHERE id = $1', [id]);
  return row ?? null;
}
