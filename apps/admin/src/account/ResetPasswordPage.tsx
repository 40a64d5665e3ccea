import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AuthLayout } from 'react-admin';
import { Link, useLocation } from 'react-router-dom';
import { errorCode, fieldError } from '../common-sales/adminActions';
import { forgotPasswordRoute } from './routes';
import { resetPassword, tokenFrom } from './recovery';

/** Where a reset link brings staff and admins: choose a new password; every session ends, then sign in. */
export const ResetPasswordPage = () => {
  const token = tokenFrom(useLocation().search);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<{ message: string; expired: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setError({ message: 'The two passwords differ', expired: false });
    setBusy(true);
    setError(null);
    try {
      await resetPassword(token, password);
      setDone(true);
    } catch (failure) {
      const passwordProblem = fieldError(failure, 'password');
      if (errorCode(failure) === 'TOKEN_INVALID') setError({ message: 'This link is wrong, used or expired.', expired: true });
      else if (passwordProblem) setError({ message: `The password ${passwordProblem}`, expired: false });
      else setError({ message: failure instanceof Error ? failure.message : 'The server cannot be reached', expired: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthLayout>
      <Box component="form" onSubmit={submit} sx={{ p: 2, width: 320 }}>
        <Typography variant="h6" sx={{ mb: 2 }}>
          Choose a new password
        </Typography>
        {done ? (
          <Alert severity="success" role="status">
            Your password has been changed and you are signed out everywhere. <Link to="/login">Sign in</Link> with the new one.
          </Alert>
        ) : (
          <>
            <TextField
              label="New password"
              type="password"
              name="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              fullWidth
              autoFocus
              autoComplete="new-password"
              slotProps={{ htmlInput: { minLength: 8 } }}
              sx={{ mb: 2 }}
            />
            <TextField
              label="The same again"
              type="password"
              name="repeat"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              required
              fullWidth
              autoComplete="new-password"
              sx={{ mb: 2 }}
            />
            {error && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {error.message} {error.expired && <Link to={forgotPasswordRoute.path}>Ask for a new link</Link>}
              </Alert>
            )}
            <Button type="submit" variant="contained" fullWidth disabled={busy || !token}>
              Change password
            </Button>
          </>
        )}
      </Box>
    </AuthLayout>
  );
};
