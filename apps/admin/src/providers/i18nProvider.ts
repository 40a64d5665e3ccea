/** English messages: react-admin's, plus the store's resource names and a few wording tweaks. */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const messages: TranslationMessages = {
  ...englishMessages,
  resources: {
    users: {
      name: 'User |||| Users',
      fields: {
        email: 'Email',
        fullName: 'Full name',
        phone: 'Phone',
        address: 'Address',
        role: 'Role',
        isActive: 'Active',
        password: 'Password',
        emailVerifiedAt: 'Email verified',
        phoneVerifiedAt: 'Phone verified',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
  },
  chance: {
    menu: {
      sales: 'Sales',
      catalog: 'Catalog',
      purchasing: 'Purchasing',
      inStore: 'In-store',
      services: 'Services',
      customers: 'Customers',
      settings: 'Settings',
      storeSettings: 'Store settings',
    },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
