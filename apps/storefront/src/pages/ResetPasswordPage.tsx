import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '@chance/client';
import { shop } from '../shop';
import { ErrorAlert, Field, PageHeading, Status } from '../components/ui';
import { fieldErrorsOf } from '../components/messages';

/**
 * Where a reset link lands (`<PUBLIC_URL>/reset-password?token=…` sends customers here): choose a
 * new password. Every session of the account ends with it, this device's too: then sign in.
 */
export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await shop.auth.resetPassword(token, password); // also signs this device out: the session store tells the header
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="narrow">
        <PageHeading>Password changed</PageHeading>
        <Status>Your new password is set, and you are signed out everywhere.</Status>
        <p>
          <Link to="/signin">Sign in with your new password</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading>Choose a new password</PageHeading>
      <form onSubmit={submit} noValidate>
        <Field
          label="New password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrorsOf(error).password}
        />
        <ErrorAlert error={error}>{isApiError(error, 'TOKEN_INVALID') ? <Link to="/forgot-password">Ask for a new link</Link> : null}</ErrorAlert>
        <button type="submit" className="primary" disabled={busy || !token}>
          {busy ? 'Saving…' : 'Set my new password'}
        </button>
      </form>
    </div>
  );
}
