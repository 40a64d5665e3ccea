import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { shop } from './shop';
import { CartProvider, useCart } from './state/cart';
import { NotificationsProvider, useNotifications } from './state/notifications';
import { SessionProvider, useUser } from './state/session';
import { StoreInfoProvider, useStoreInfo } from './state/store-info';
import { Loading } from './components/ui';
import { HomePage } from './pages/HomePage';

// Pages past the home page load on demand, so the first load carries only what it shows.
const ProductListPage = lazy(() => import('./pages/ProductListPage'));
const ProductPage = lazy(() => import('./pages/ProductPage'));
const CartPage = lazy(() => import('./pages/CartPage'));
const CheckoutPage = lazy(() => import('./pages/CheckoutPage'));
const OrderPage = lazy(() => import('./pages/OrderPage'));
const OrdersPage = lazy(() => import('./pages/OrdersPage'));
const SignInPage = lazy(() => import('./pages/SignInPage'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage'));
const RegisterPage = lazy(() => import('./pages/RegisterPage'));
const ServicesPage = lazy(() => import('./pages/ServicesPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

export function App() {
  return (
    <StoreInfoProvider>
      <SessionProvider>
        <CartProvider>
          <NotificationsProvider>
            <a className="skip-link" href="#main">
              Skip to content
            </a>
            <Header />
            <main id="main" tabIndex={-1}>
              <Suspense fallback={<Loading />}>
                <Routes>
                  <Route path="/" element={<HomePage />} />
                  <Route path="/products" element={<ProductListPage />} />
                  <Route path="/products/:id" element={<ProductPage />} />
                  <Route path="/cart" element={<CartPage />} />
                  <Route path="/checkout" element={<CheckoutPage />} />
                  <Route path="/orders/:id" element={<OrderPage />} />
                  <Route path="/signin" element={<SignInPage />} />
                  <Route path="/forgot-password" element={<ForgotPasswordPage />} />
                  <Route path="/reset-password" element={<ResetPasswordPage />} />
                  <Route path="/register" element={<RegisterPage />} />
                  <Route path="/services" element={<ServicesPage />} />
                  <Route
                    path="/account/orders"
                    element={
                      <RequireUser>
                        <OrdersPage />
                      </RequireUser>
                    }
                  />
                  <Route
                    path="/account/notifications"
                    element={
                      <RequireUser>
                        <NotificationsPage />
                      </RequireUser>
                    }
                  />
                  <Route
                    path="/account"
                    element={
                      <RequireUser>
                        <ProfilePage />
                      </RequireUser>
                    }
                  />
                  <Route path="*" element={<NotFoundPage />} />
                </Routes>
              </Suspense>
            </main>
            <footer className="site-footer">
              <p>
                Prices include the shipping shown in your cart; tax is added at checkout. <Link to="/services">Book a home service</Link>.
              </p>
            </footer>
          </NotificationsProvider>
        </CartProvider>
      </SessionProvider>
    </StoreInfoProvider>
  );
}

/** Signed-in pages send a guest to sign in, and back here afterwards. */
function RequireUser({ children }: { children: ReactNode }) {
  const user = useUser();
  const location = useLocation();
  if (!user) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

function Header() {
  const { storeName } = useStoreInfo();
  const user = useUser();
  const { count } = useCart();
  const { unread } = useNotifications();
  const navigate = useNavigate();

  async function signOut() {
    await shop.auth.logout();
    navigate('/');
  }

  return (
    <header className="site-header">
      <Link to="/" className="brand">
        {storeName}
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <NavLink to="/products">Shop</NavLink>
          </li>
          <li>
            <NavLink to="/services">Services</NavLink>
          </li>
          <li>
            <NavLink to="/cart" aria-label={`Cart, ${count} ${count === 1 ? 'item' : 'items'}`}>
              Cart{' '}
              <span className="badge" aria-hidden="true">
                {count}
              </span>
            </NavLink>
          </li>
          {user ? (
            <>
              <li>
                <NavLink to="/account/orders">Orders</NavLink>
              </li>
              <li>
                <NavLink to="/account/notifications" aria-label={`Notifications, ${unread} unread`}>
                  Notifications{' '}
                  {unread > 0 ? (
                    <span className="badge" aria-hidden="true">
                      {unread}
                    </span>
                  ) : null}
                </NavLink>
              </li>
              <li>
                <NavLink to="/account">Account</NavLink>
              </li>
              <li>
                <button type="button" className="link-button" onClick={signOut}>
                  Sign out
                </button>
              </li>
            </>
          ) : (
            <>
              <li>
                <NavLink to="/signin">Sign in</NavLink>
              </li>
              <li>
                <NavLink to="/register">Register</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}
