import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { shop } from '../shop';
import { useUser } from '../state/session';
import { ErrorAlert, Field, PageHeading, Status } from '../components/ui';
import { fieldErrorsOf } from '../components/messages';

/** The customer's profile: name, phone, address (one string, as the API keeps it). */
export default function ProfilePage() {
  const user = useUser()!;
  const [form, setForm] = useState({ fullName: user.profile.fullName, phone: user.profile.phone ?? '', address: user.profile.address ?? '' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorsOf(error);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await shop.auth.updateProfile({ fullName: form.fullName, phone: form.phone || null, address: form.address || null });
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading>Your account</PageHeading>
      <p>
        Signed in as <strong>{user.email}</strong>. <Link to="/account/orders">Your orders</Link> · <Link to="/services">Your bookings</Link>
      </p>
      <form onSubmit={save} noValidate>
        <Field
          label="Full name"
          name="fullName"
          autoComplete="name"
          required
          value={form.fullName}
          onChange={(e) => setForm({ ...form, fullName: e.target.value })}
          error={fields.fullName}
        />
        <Field
          label="Phone"
          type="tel"
          name="phone"
          autoComplete="tel"
          value={form.phone}
          onChange={(e) => setForm({ ...form, phone: e.target.value })}
          error={fields.phone}
        />
        <Field
          label="Address"
          name="address"
          autoComplete="street-address"
          value={form.address}
          onChange={(e) => setForm({ ...form, address: e.target.value })}
          error={fields.address}
        />
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Save profile
        </button>
        {saved ? <Status>Your profile is saved.</Status> : null}
      </form>
    </div>
  );
}
