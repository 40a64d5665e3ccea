export { authProvider } from './authProvider';
export { dataProvider, type ChanceDataProvider } from './dataProvider';
export { i18nProvider } from './i18nProvider';
export { canRoleAccess } from './access';
