import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, LoginWithEmail, Resource } from 'react-admin';
import { Dashboard } from './dashboard';
import { AppLayout } from './layout';
import { authProvider, dataProvider, i18nProvider } from './providers';
import { SettingsPage, settingsRoute } from './settings';
import { users } from './users';

/**
 * The Chance Store back office. Each resource folder exports its react-admin config; the menu
 * (layout/menuSections.ts) groups them by business area. `requireAuth`: nothing but the login
 * page renders before the session is checked.
 */
export const App = () => (
  <Admin
    title="Chance Store"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginWithEmail}
    dashboard={Dashboard}
    layout={AppLayout}
    disableTelemetry
    requireAuth
  >
    <Resource {...users} />
    <CustomRoutes>
      <Route path={settingsRoute.path} element={<SettingsPage />} />
    </CustomRoutes>
  </Admin>
);
