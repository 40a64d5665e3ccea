import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Booking } from '@chance/client';
import { shop } from '../shop';
import { useAsync } from '../state/useAsync';
import { useUser } from '../state/session';
import { ErrorAlert, Field, formatDate, Loading, Money, PageHeading, SelectField, Status, words } from '../components/ui';
import { fieldErrorsOf } from '../components/messages';

/** A datetime-local value (the visitor's local time) → an ISO instant; null when empty or invalid. */
function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Services on offer; signed-in customers book a visit and see (and cancel) their bookings. */
export default function ServicesPage() {
  const user = useUser();
  const types = useAsync(() => shop.catalog.serviceTypes(), []);
  const bookings = useAsync(() => (user ? shop.bookings.list({ range: [0, 49] }).then((p) => p.items) : Promise.resolve([] as Booking[])), [user?.id]);
  const [form, setForm] = useState({ serviceTypeId: '', scheduledAt: '', address: user?.profile.address ?? '', notes: '' });
  const [error, setError] = useState<unknown>(null);
  const [booked, setBooked] = useState<Booking | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorsOf(error);

  async function book(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setBooked(null);
    try {
      const booking = await shop.bookings.book({
        serviceTypeId: Number(form.serviceTypeId),
        scheduledAt: localToIso(form.scheduledAt) ?? form.scheduledAt,
        address: form.address,
        ...(form.notes ? { notes: form.notes } : {}),
      });
      setBooked(booking);
      setForm({ ...form, scheduledAt: '', notes: '' });
      bookings.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function cancel(booking: Booking) {
    setError(null);
    try {
      await shop.bookings.cancel(booking.id);
      bookings.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <PageHeading>Home services</PageHeading>
      {types.loading ? <Loading /> : null}
      <ErrorAlert error={types.error} />
      <ul className="service-list">
        {types.data?.map((type) => (
          <li key={type.id} className="card">
            <h2>{type.name}</h2>
            {type.description ? <p>{type.description}</p> : null}
            <p>
              <Money amount={type.price} /> · about {type.durationMinutes} minutes
            </p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="book-heading">
        <h2 id="book-heading">Book a visit</h2>
        {!user ? (
          <p>
            <Link to="/signin?next=/services">Sign in</Link> or <Link to="/register?next=/services">create an account</Link> to book a visit.
          </p>
        ) : (
          <form onSubmit={book} noValidate className="narrow">
            <SelectField
              label="Service"
              name="serviceTypeId"
              required
              value={form.serviceTypeId}
              onChange={(e) => setForm({ ...form, serviceTypeId: e.target.value })}
              error={fields.serviceTypeId}
            >
              <option value="">Choose a service</option>
              {types.data?.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </SelectField>
            <Field
              label="Date and time"
              type="datetime-local"
              name="scheduledAt"
              required
              value={form.scheduledAt}
              onChange={(e) => setForm({ ...form, scheduledAt: e.target.value })}
              error={fields.scheduledAt}
            />
            <Field
              label="Address of the visit"
              name="address"
              autoComplete="street-address"
              required
              value={form.address}
              onChange={(e) => setForm({ ...form, address: e.target.value })}
              error={fields.address}
            />
            <Field
              label="Notes for the technician (optional)"
              name="notes"
              value={form.notes}
              onChange={(e) => setForm({ ...form, notes: e.target.value })}
              error={fields.notes}
            />
            <ErrorAlert error={error} />
            <button type="submit" className="primary" disabled={busy}>
              Book visit
            </button>
            {booked ? (
              <Status>
                Booked: {booked.serviceName} on {formatDate(booked.scheduledAt, true)}.
              </Status>
            ) : null}
          </form>
        )}
      </section>

      {user ? (
        <section aria-labelledby="bookings-heading">
          <h2 id="bookings-heading">Your bookings</h2>
          {bookings.data?.length === 0 ? <p>No bookings yet.</p> : null}
          <ul className="booking-list">
            {bookings.data?.map((booking) => (
              <li key={booking.id} className="card">
                <strong>{booking.serviceName}</strong> · {formatDate(booking.scheduledAt, true)} · <Money amount={booking.price} /> ·{' '}
                <span>{words(booking.status)}</span>
                {booking.status === 'pending' ? (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => cancel(booking)}>
                      Cancel<span className="visually-hidden"> the {booking.serviceName} visit</span>
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
