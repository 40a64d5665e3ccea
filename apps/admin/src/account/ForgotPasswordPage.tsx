import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AuthLayout, HttpError } from 'react-admin';
import { Link } from 'react-router-dom';
import { fieldError } from '../common-sales/adminActions';
import { askForResetLink } from './recovery';

/** "Forgot password?": asks for a reset link; the answer is the same whether or not the account exists. */
export const ForgotPasswordPage = () => {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent(await askForResetLink(email));
    } catch (failure) {
      const emailProblem = fieldError(failure, 'email');
      setError(failure instanceof HttpError ? (emailProblem ? `E-mail ${emailProblem}` : failure.message) : 'The server cannot be reached');
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthLayout>
      <Box component="form" onSubmit={submit} sx={{ p: 2, width: 320 }}>
        <Typography variant="h6" sx={{ mb: 1 }}>
          Forgot your password?
        </Typography>
        {sent ? (
          <Alert severity="success" role="status">
            {sent}
          </Alert>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              Give the e-mail you sign in with: we will send a link to choose a new one.
            </Typography>
            <TextField
              label="Email"
              type="email"
              name="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              fullWidth
              autoFocus
              sx={{ mb: 2 }}
            />
            {error && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {error}
              </Alert>
            )}
            <Button type="submit" variant="contained" fullWidth disabled={busy}>
              Send me a link
            </Button>
          </>
        )}
        <Box sx={{ mt: 2, textAlign: 'center' }}>
          <Link to="/login">Back to sign in</Link>
        </Box>
      </Box>
    </AuthLayout>
  );
};
