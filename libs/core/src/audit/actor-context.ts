import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

/** Who is changing data in this request, for the audit log (docs/api.md#back-office-resources): set for back-office writes. */
export interface ActorContext {
  /** the signed-in user; null when an API key acts */
  actorId: number | null;
  /** the API key acting (docs/api.md#api-keys: the audit log names the key as the actor), if any */
  apiKeyId?: number | null;
  /** create, update, delete, or the action's verb (receive, cancel, mark-paid, ...) */
  action: string;
  /** `POST /api/admin/purchases/:id/receive` */
  operation: string;
}

export const actorContext = new AsyncLocalStorage<ActorContext>();

/**
 * Tells the database who acts, for the rest of this transaction (`SET LOCAL`): the audit
 * triggers read it and record every row change with its actor in the same transaction.
 */
export async function declareActor(manager: EntityManager): Promise<void> {
  const actor = actorContext.getStore();
  if (!actor) return;
  await manager.query(
    `SELECT set_config('chance.actor_id', $1, true), set_config('chance.api_key_id', $2, true),
            set_config('chance.action', $3, true), set_config('chance.operation', $4, true)`,
    [actor.actorId === null ? '' : String(actor.actorId), actor.apiKeyId ? String(actor.apiKeyId) : '', actor.action, actor.operation],
  );
}
