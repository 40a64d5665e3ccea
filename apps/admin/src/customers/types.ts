/**
 * Records of the `customers` resource (docs/api.md#customers): the API's own schemas, generated from
 * /api/openapi.json into ../api/schema.ts (`npm run openapi:types`). Money in minor units.
 */
import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** One customer account across channels, with its maintained figures; `notes` is the one field written here. */
export type Customer = Schemas['CustomerView'];

/** One entry of GET /api/admin/customers/:id/timeline. */
export type TimelineEntry = Schemas['CustomerTimelineEntry'];

export type TimelineKind = TimelineEntry['kind'];
