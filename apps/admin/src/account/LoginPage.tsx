import Box from '@mui/material/Box';
import { Link } from 'react-router-dom';
import { Login, LoginForm, PasswordInput, TextInput, required } from 'react-admin';
import { forgotPasswordRoute } from './routes';

/** The sign-in page: e-mail and password, and the way back in for whoever forgot the password. */
export const LoginPage = () => (
  <Login>
    <LoginForm>
      <TextInput autoFocus source="email" label="Email" autoComplete="email" type="email" validate={required()} />
      <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} />
    </LoginForm>
    <Box sx={{ px: 2, pb: 2, textAlign: 'center' }}>
      <Link to={forgotPasswordRoute.path}>Forgot password?</Link>
    </Box>
  </Login>
);
