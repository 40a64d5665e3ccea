import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, LoginWithEmail, Resource } from 'react-admin';
import { carts } from './carts';
import { categories } from './categories';
import { coupons } from './coupons';
import { Dashboard } from './dashboard';
import { AppLayout } from './layout';
import { products } from './products';
import { authProvider, dataProvider, i18nProvider } from './providers';
import { variantLabel, variantsResource } from './providers/variantLookup';
import { SettingsPage, settingsRoute } from './settings';
import { stockMovements } from './stock-movements';
import type { VariantSummary } from './types';
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
    <Resource {...products} />
    <Resource {...categories} />
    <Resource {...stockMovements} />
    <Resource {...coupons} />
    <Resource {...carts} />
    <Resource {...users} />
    {/* Lookup only (no pages, not in the menu): names the variants that stock movements point at. */}
    <Resource name={variantsResource} recordRepresentation={(variant: VariantSummary) => variantLabel(variant)} />
    <CustomRoutes>
      <Route path={settingsRoute.path} element={<SettingsPage />} />
    </CustomRoutes>
  </Admin>
);
