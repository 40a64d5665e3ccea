import { AppBar as RaAppBar, LoadingIndicator } from 'react-admin';
import { NotificationBell } from '../notifications';

/** react-admin's app bar with the notification bell before the loading indicator and the user menu. */
export const AppBar = () => (
  <RaAppBar
    toolbar={
      <>
        <NotificationBell />
        <LoadingIndicator />
      </>
    }
  />
);
