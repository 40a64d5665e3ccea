/**
 * The back office menu: resources grouped by business area. A section lists react-admin resource
 * names (shown once the resource is registered in App.tsx and the user may list it) and custom
 * pages. Resources of docs/api.md#back-office-resources that are not built yet are already placed here.
 */
import type { ComponentType } from 'react';
import InventoryIcon from '@mui/icons-material/Inventory';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import HomeRepairServiceIcon from '@mui/icons-material/HomeRepairService';
import PeopleIcon from '@mui/icons-material/Groups';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import TuneIcon from '@mui/icons-material/Tune';
import HubIcon from '@mui/icons-material/Hub';
import ContactMailIcon from '@mui/icons-material/ContactMail';
import UsersIcon from '@mui/icons-material/People';
import { sendMessageRoute } from '../messages';
import { productImportRoute } from '../product-import';
import { reorderRoute } from '../reorder';
import { salesReportRoute } from '../reports';
import { settingsRoute } from '../settings';

export type MenuEntry = { kind: 'resource'; name: string } | { kind: 'page'; to: string; resource: string; label: string; icon: ComponentType };

export interface MenuSection {
  key: string;
  /** i18n key */
  label: string;
  icon: ComponentType;
  entries: MenuEntry[];
}

const resources = (...names: string[]): MenuEntry[] => names.map((name) => ({ kind: 'resource', name }));

export const menuSections: MenuSection[] = [
  {
    key: 'sales',
    label: 'chance.menu.sales',
    icon: ShoppingCartIcon,
    entries: [
      ...resources('orders', 'returns', 'invoices', 'payments', 'refunds', 'credit-notes', 'coupons', 'carts'),
      {
        kind: 'page',
        to: salesReportRoute.path,
        resource: salesReportRoute.resource,
        label: 'chance.menu.salesReport',
        icon: salesReportRoute.icon,
      },
    ],
  },
  {
    key: 'catalog',
    label: 'chance.menu.catalog',
    icon: InventoryIcon,
    entries: [
      ...resources('products', 'categories', 'stock-movements', 'stock-counts'),
      {
        kind: 'page',
        to: productImportRoute.path,
        resource: productImportRoute.resource,
        label: 'chance.menu.productImport',
        icon: productImportRoute.icon,
      },
    ],
  },
  {
    key: 'purchasing',
    label: 'chance.menu.purchasing',
    icon: LocalShippingIcon,
    entries: [
      ...resources('suppliers', 'purchases', 'purchase-invoices'),
      { kind: 'page', to: reorderRoute.path, resource: reorderRoute.resource, label: 'chance.menu.reorder', icon: reorderRoute.icon },
    ],
  },
  {
    key: 'in-store',
    label: 'chance.menu.inStore',
    icon: PointOfSaleIcon,
    entries: resources('offline-sales', 'offline-customers'),
  },
  {
    key: 'services',
    label: 'chance.menu.services',
    icon: HomeRepairServiceIcon,
    entries: resources('bookings', 'service-types'),
  },
  {
    // Customers across channels (admins and staff), their accounts (admins), messages sent and received, and writing to customers.
    key: 'customers',
    label: 'chance.menu.customers',
    icon: PeopleIcon,
    entries: [
      { kind: 'resource', name: 'customers' },
      {
        kind: 'page',
        to: `/users?${new URLSearchParams({ filter: JSON.stringify({ role: 'customer' }) })}`,
        resource: 'users',
        label: 'chance.menu.customerAccounts',
        icon: ContactMailIcon,
      },
      { kind: 'resource', name: 'messages' },
      {
        kind: 'page',
        to: sendMessageRoute.path,
        resource: sendMessageRoute.resource,
        label: 'chance.menu.sendMessage',
        icon: sendMessageRoute.icon,
      },
    ],
  },
  {
    key: 'settings',
    label: 'chance.menu.settings',
    icon: TuneIcon,
    entries: [
      {
        // every user: with its own empty filter, or the list would keep Customer accounts' role filter
        kind: 'page',
        to: `/users?${new URLSearchParams({ filter: '{}' })}`,
        resource: 'users',
        label: 'chance.menu.users',
        icon: UsersIcon,
      },
      {
        kind: 'page',
        to: settingsRoute.path,
        resource: settingsRoute.resource,
        label: 'chance.menu.storeSettings',
        icon: settingsRoute.icon,
      },
      ...resources('audit-logs'),
    ],
  },
  {
    // What other systems use (docs/api.md): admins only.
    key: 'integrations',
    label: 'chance.menu.integrations',
    icon: HubIcon,
    entries: resources('api-keys', 'webhooks', 'webhook-deliveries', 'emails'),
  },
];
