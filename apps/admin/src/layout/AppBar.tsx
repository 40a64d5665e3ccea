import { AppBar as RaAppBar, LoadingIndicator, ToggleThemeButton } from 'react-admin';
import { NotificationBell } from '../notifications';

/** react-admin's app bar with the notification bell and the light/dark toggle before the loading indicator and the user menu. */
export const AppBar = () => (
  <RaAppBar
    toolbar={
      <>
        <NotificationBell />
        <ToggleThemeButton />
        <LoadingIndicator />
      </>
    }
  />
);
