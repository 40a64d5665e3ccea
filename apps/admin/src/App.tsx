import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { ForgotPasswordPage, LoginPage, ResetPasswordPage, forgotPasswordRoute, resetPasswordRoute } from './account';
import { apiKeys } from './api-keys';
import { auditLogs } from './audit-logs';
import { bookings } from './bookings';
import { carts } from './carts';
import { categories } from './categories';
import { coupons } from './coupons';
import { creditNotes } from './credit-notes';
import { customers } from './customers';
import { Dashboard } from './dashboard';
import { emails } from './emails';
import { invoices } from './invoices';
import { AppLayout } from './layout';
import { darkTheme, lightTheme } from './layout/themes';
import { SendMessagePage, messages, sendMessageRoute } from './messages';
import { notifications } from './notifications';
import { offlineCustomers } from './offline-customers';
import { offlineSales } from './offline-sales';
import { orders } from './orders';
import { payments } from './payments';
import { ProductImportPage, productImportRoute } from './product-import';
import { products } from './products';
import { purchaseInvoices } from './purchase-invoices';
import { purchases } from './purchases';
import { refunds } from './refunds';
import { returns } from './returns';
import { authProvider, dataProvider, i18nProvider } from './providers';
import { variantLabel, variantsResource } from './providers/variantLookup';
import { ReorderPage, reorderRoute } from './reorder';
import { SalesReportPage, salesReportRoute } from './reports';
import { serviceTypes } from './service-types';
import { SettingsPage, settingsRoute } from './settings';
import { stockCounts } from './stock-counts';
import { stockMovements } from './stock-movements';
import { suppliers } from './suppliers';
import type { VariantSummary } from './types';
import { users } from './users';
import { webhookDeliveries, webhooks } from './webhooks';

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
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={AppLayout}
    // the app bar's toggle switches between the two; react-admin keeps the choice in this browser's store (localStorage)
    theme={lightTheme}
    darkTheme={darkTheme}
    disableTelemetry
    requireAuth
  >
    <Resource {...products} />
    <Resource {...categories} />
    <Resource {...stockMovements} />
    <Resource {...stockCounts} />
    <Resource {...coupons} />
    <Resource {...carts} />
    <Resource {...orders} />
    <Resource {...invoices} />
    <Resource {...payments} />
    <Resource {...returns} />
    <Resource {...refunds} />
    <Resource {...creditNotes} />
    <Resource {...suppliers} />
    <Resource {...purchases} />
    <Resource {...purchaseInvoices} />
    <Resource {...offlineSales} />
    <Resource {...offlineCustomers} />
    <Resource {...customers} />
    <Resource {...bookings} />
    <Resource {...serviceTypes} />
    <Resource {...users} />
    <Resource {...messages} />
    <Resource {...auditLogs} />
    <Resource {...apiKeys} />
    <Resource {...webhooks} />
    <Resource {...webhookDeliveries} />
    <Resource {...emails} />
    {/* The signed-in user's own notifications: reached from the app bar's bell. */}
    <Resource {...notifications} />
    {/* Lookup only (no pages, not in the menu): names the variants that stock movements point at. */}
    <Resource name={variantsResource} recordRepresentation={(variant: VariantSummary) => variantLabel(variant)} />
    {/* Public: whoever forgot the password is not signed in (a reset link brings staff to the second). */}
    <CustomRoutes noLayout>
      <Route path={forgotPasswordRoute.path} element={<ForgotPasswordPage />} />
      <Route path={resetPasswordRoute.path} element={<ResetPasswordPage />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path={settingsRoute.path} element={<SettingsPage />} />
      <Route path={salesReportRoute.path} element={<SalesReportPage />} />
      <Route path={sendMessageRoute.path} element={<SendMessagePage />} />
      <Route path={productImportRoute.path} element={<ProductImportPage />} />
      <Route path={reorderRoute.path} element={<ReorderPage />} />
    </CustomRoutes>
  </Admin>
);
