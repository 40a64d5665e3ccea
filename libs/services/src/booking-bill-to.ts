import { contactOf } from '@chance/identity';
import { offlineCustomerContact } from '@chance/offline-sales';
import type { EntityManager } from 'typeorm';
import type { BookingEntity } from './services.entities.js';
import type { BookingBillTo } from './services.events.js';

/** Whom the booking's invoice and credit notes are addressed to: its account or in-store customer, at the visit's address. */
export async function billToOf(manager: EntityManager, booking: BookingEntity): Promise<BookingBillTo> {
  const { name, email, phone } = await partyOf(manager, booking);
  return { name, email, line1: booking.address, line2: null, city: '', postalCode: '', country: '', phone };
}

/** The booking's account (named by its full name, else its e-mail) or in-store customer; empty when gone. */
async function partyOf(manager: EntityManager, booking: BookingEntity): Promise<{ name: string; email: string; phone: string | null }> {
  if (booking.customerId !== null) {
    const contact = await contactOf(manager, booking.customerId);
    return { name: contact?.fullName || contact?.email || '', email: contact?.email ?? '', phone: contact?.phone ?? null };
  }
  const customer = await offlineCustomerContact(manager, booking.offlineCustomerId!);
  return { name: customer?.name ?? '', email: customer?.email ?? '', phone: customer?.phone ?? null };
}
