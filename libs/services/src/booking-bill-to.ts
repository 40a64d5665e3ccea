import { contactOf } from '@chance/identity';
import { offlineCustomerContact } from '@chance/offline-sales';
import type { EntityManager } from 'typeorm';
import type { BookingEntity } from './services.entities.js';
import type { BookingBillTo } from './services.events.js';

/** Whom the booking's invoice and credit notes are addressed to: its account or in-store customer, at the visit's address. */
export async function billToOf(manager: EntityManager, booking: BookingEntity): Promise<BookingBillTo> {
  if (booking.customerId !== null) {
    const contact = await contactOf(manager, booking.customerId);
    return {
      name: contact?.fullName || contact?.email || '',
      email: contact?.email ?? '',
      line1: booking.address,
      line2: null,
      city: '',
      postalCode: '',
      country: '',
      phone: contact?.phone ?? null,
    };
  }
  const customer = await offlineCustomerContact(manager, booking.offlineCustomerId!);
  return {
    name: customer?.name ?? '',
    email: customer?.email ?? '',
    line1: booking.address,
    line2: null,
    city: '',
    postalCode: '',
    country: '',
    phone: customer?.phone ?? null,
  };
}
