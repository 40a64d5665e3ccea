import KeyIcon from '@mui/icons-material/Key';
import type { ResourceProps } from 'react-admin';
import type { ApiKey } from '../types';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';

/** The `api-keys` admin resource (docs/api.md#api-keys): admins only; a key's secret is shown once, at creation; "delete" revokes. */
export const apiKeys = {
  name: 'api-keys',
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: KeyIcon,
  recordRepresentation: (key: ApiKey) => `${key.name} (${key.prefix}…)`,
} satisfies ResourceProps;

export { ApiKeyCreate, ApiKeyList };
