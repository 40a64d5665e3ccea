import WebhookIcon from '@mui/icons-material/Webhook';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import type { ResourceProps } from 'react-admin';
import type { Webhook } from '../types';
import { WebhookCreate } from './WebhookCreate';
import { WebhookDeliveryList } from './WebhookDeliveryList';
import { WebhookEdit } from './WebhookEdit';
import { WebhookList } from './WebhookList';
import { WebhookShow } from './WebhookShow';

/** The `webhooks` admin resource (docs/api.md#webhooks): admins only; the signing secret is shown once, at creation. */
export const webhooks = {
  name: 'webhooks',
  list: WebhookList,
  show: WebhookShow,
  create: WebhookCreate,
  edit: WebhookEdit,
  icon: WebhookIcon,
  recordRepresentation: (hook: Webhook) => hook.url,
} satisfies ResourceProps;

/** `webhook-deliveries` (read only): one row per attempt. */
export const webhookDeliveries = {
  name: 'webhook-deliveries',
  list: WebhookDeliveryList,
  icon: SyncAltIcon,
} satisfies ResourceProps;
