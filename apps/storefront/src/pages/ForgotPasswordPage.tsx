import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { shop } from '../shop';
import { ErrorAlert, Field, PageHeading, Status } from '../components/ui';
import { fieldErrorsOf } from '../components/messages';

/** Asks for a link to choose a new password; the answer is the same whether or not the e-mail has an account. */
export default function ForgotPasswordPage() {
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent((await shop.auth.forgotPassword(email.trim())).message);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading>Forgot your password?</PageHeading>
      {sent ? (
        <Status>{sent}</Status>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>Give the e-mail of your account: we will send you a link to choose a new password.</p>
          <Field
            label="E-mail"
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldErrorsOf(error).email}
          />
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Sending…' : 'Send me a link'}
          </button>
        </form>
      )}
      <p>
        <Link to="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
