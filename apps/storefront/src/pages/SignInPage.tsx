import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { shop } from '../shop';
import { useCart } from '../state/cart';
import { ErrorAlert, Field, PageHeading } from '../components/ui';
import { fieldErrorsOf } from '../components/messages';

/** Where to go after signing in: a path inside the shop only (never another site). */
export function nextPath(params: URLSearchParams, fallback: string): string {
  const next = params.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/**
 * Sign in. The client merges this device's guest cart into the customer's cart as part of it.
 * Forgot the password? /forgot-password asks for a link (docs/api.md#account-recovery), which opens /reset-password.
 */
export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { reload } = useCart();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorsOf(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { mergedCart } = await shop.auth.login({ email, password });
      await reload();
      navigate(nextPath(params, mergedCart && mergedCart.items.length > 0 ? '/cart' : '/'), { state: { merged: !!mergedCart } });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading>Sign in</PageHeading>
      <form onSubmit={submit} noValidate>
        <Field
          label="E-mail"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link to={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`}>Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>Create an account</Link>
      </p>
    </div>
  );
}
