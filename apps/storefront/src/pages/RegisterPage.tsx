import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { shop } from '../shop';
import { useCart } from '../state/cart';
import { ErrorAlert, Field, PageHeading } from '../components/ui';
import { fieldErrorsOf } from '../components/messages';
import { nextPath } from './SignInPage';

/** A customer account, signed in at once (with this device's guest cart merged into it). */
export default function RegisterPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { reload } = useCart();
  const [form, setForm] = useState({ fullName: '', email: '', password: '', phone: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorsOf(error);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await shop.auth.register({ fullName: form.fullName, email: form.email, password: form.password, ...(form.phone ? { phone: form.phone } : {}) });
      await reload();
      navigate(nextPath(params, '/'));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading>Create an account</PageHeading>
      <form onSubmit={submit} noValidate>
        <Field label="Full name" name="fullName" autoComplete="name" required value={form.fullName} onChange={set('fullName')} error={fields.fullName} />
        <Field label="E-mail" type="email" name="email" autoComplete="email" required value={form.email} onChange={set('email')} error={fields.email} />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters"
          value={form.password}
          onChange={set('password')}
          error={fields.password}
        />
        <Field label="Phone (optional)" type="tel" name="phone" autoComplete="tel" value={form.phone} onChange={set('phone')} error={fields.phone} />
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </div>
  );
}
