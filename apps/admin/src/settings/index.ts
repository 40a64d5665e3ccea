import SettingsIcon from '@mui/icons-material/Settings';

export { SettingsPage } from './SettingsPage';
export { useStoreCurrency, useStoreInfo, useStoreSettings } from './useStoreSettings';

/** The custom route of the settings page, and its menu entry. */
export const settingsRoute = { path: '/settings', resource: 'settings', icon: SettingsIcon } as const;
