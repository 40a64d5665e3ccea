import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, LeasedWorker, OutboxRelay, failedLongEnough, nextRetryAt, publish, type AppConfig, type LeasedWork, type SecretBox } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { publicEventId } from './webhook-events.js';
import { postWebhook, type SendResult } from './webhook-sender.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader, webhookSecretBox } from './webhook-signature.js';

/** An attempt leased to this process, with what sending it takes. */
export interface LeasedAttempt {
  id: number;
  webhookId: number;
  eventUuid: string;
  type: string;
  attempt: number;
  url: string;
  sealedSecret: string;
  body: string;
}

const INTERRUPTED = 'interrupted: the process sending it stopped before the answer was recorded; sent again as the next attempt';

/**
 * Sends due webhook attempts (docs/api.md#webhooks), never inside a transaction: a short statement
 * leases a batch (`FOR UPDATE SKIP LOCKED`, a lease of the timeout plus a margin), each is POSTed
 * signed with the endpoint's secret, and a second short transaction records the outcome — and on a
 * failure the next attempt (`pending`, due after a growing delay, for 24 h at least), or the
 * endpoint's deactivation once it has failed 24 h straight (the admins are notified). At most
 * `WEBHOOK_CONCURRENCY` attempts run at once per process, `WEBHOOK_CONCURRENCY_PER_ENDPOINT` of them
 * to one endpoint, so a slow endpoint does not hold up the others. An attempt whose lease ran out
 * unanswered (its process died) is closed as interrupted and sent again as a new attempt.
 */
@Injectable()
export class WebhookDispatcher implements LeasedWork<LeasedAttempt>, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: LeasedWorker<LeasedAttempt>;
  private readonly box: SecretBox;
  private readonly leaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { concurrency, perEndpoint, timeoutMs } = config.webhooks;
    this.worker = new LeasedWorker('Webhooks', this, { intervalMs: config.outbox.intervalMs, concurrency, perKey: perEndpoint });
    this.box = webhookSecretBox(config.jwtSecret);
    this.leaseMs = timeoutMs + 5_000;
  }

  onApplicationBootstrap(): void {
    if (this.config.outbox.relay) this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  kick(): void {
    this.worker.kick();
  }

  /** Sends everything due now, and waits for it (tests and benchmarks). */
  drain(): Promise<void> {
    return this.worker.drain();
  }

  keyOf(attempt: LeasedAttempt): string {
    return String(attempt.webhookId);
  }

  async claim(limit: number, busy: ReadonlyMap<string, number>): Promise<LeasedAttempt[]> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: { id: string; previous_lease: Date | null }[] = await manager.query(
        `WITH busy AS (SELECT * FROM unnest($2::int[], $3::int[]) AS b(webhook_id, running)),
         picked AS (
           SELECT d.id, d.due_at, d.leased_until AS previous_lease
             FROM webhooks w
             LEFT JOIN busy b ON b.webhook_id = w.id
             CROSS JOIN LATERAL (
               SELECT d.id, d.due_at, d.leased_until FROM webhook_deliveries d
                WHERE d.webhook_id = w.id AND d.status = 'pending' AND d.due_at <= now() AND (d.leased_until IS NULL OR d.leased_until < now())
                ORDER BY d.due_at, d.id
                LIMIT GREATEST($4 - COALESCE(b.running, 0), 0)
                  FOR UPDATE OF d SKIP LOCKED) d
            ORDER BY d.due_at, d.id
            LIMIT $1),
         leased AS (
           UPDATE webhook_deliveries d SET leased_until = now() + $5 * interval '1 millisecond'
             FROM picked WHERE d.id = picked.id
           RETURNING d.id, picked.previous_lease)
         SELECT id, previous_lease FROM leased`,
        [limit, [...busy.keys()].map(Number), [...busy.values()], this.worker.perKey, this.leaseMs],
      );
      if (claimed.length === 0) return [];
      let ids = claimed.filter((c) => c.previous_lease === null).map((c) => Number(c.id));
      const interrupted = claimed.filter((c) => c.previous_lease !== null).map((c) => Number(c.id));
      if (interrupted.length > 0) ids = [...ids, ...(await this.replaceInterrupted(manager, interrupted))];
      const rows: { id: string; webhook_id: number; event_id: string; type: string; attempt: number; url: string; sealed_secret: string; body: string }[] =
        await manager.query(
          `SELECT d.id, d.webhook_id, d.event_id, d.type, d.attempt, w.url, w.sealed_secret, e.body
             FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN webhook_events e ON e.id = d.event_id
            WHERE d.id = ANY($1) ORDER BY d.due_at, d.id`,
          [ids],
        );
      return rows.map((r) => ({
        id: Number(r.id),
        webhookId: r.webhook_id,
        eventUuid: r.event_id,
        type: r.type,
        attempt: r.attempt,
        url: r.url,
        sealedSecret: r.sealed_secret,
        body: r.body,
      }));
    });
  }

  async run(attempt: LeasedAttempt): Promise<void> {
    let secret: string;
    try {
      secret = this.box.open(attempt.sealedSecret);
    } catch {
      const error = 'not sent: the signing secret cannot be read (JWT_SECRET changed since the webhook was created): delete it and create it again';
      return this.record(attempt, { status: null, body: null, durationMs: 0, error });
    }
    const headers = {
      [EVENT_ID_HEADER]: publicEventId(attempt.eventUuid),
      [SIGNATURE_HEADER]: signatureHeader(secret, attempt.body, Math.floor(Date.now() / 1000)),
    };
    const { timeoutMs, allowPrivateUrls } = this.config.webhooks;
    const result = await postWebhook(attempt.url, attempt.body, headers, { timeoutMs, allowPrivate: allowPrivateUrls });
    await this.record(attempt, result);
  }

  /** The attempt's outcome, and what follows from it, in one transaction. */
  private async record(attempt: LeasedAttempt, result: SendResult): Promise<void> {
    const deactivated = await this.dataSource.transaction(async (manager) => {
      const succeeded = result.error === null;
      const [row] = await manager.query(
        `WITH done AS (
           UPDATE webhook_deliveries
              SET status = $2, response_status = $3, response_body = $4, duration_ms = $5, error = $6, leased_until = NULL, finished_at = now()
            WHERE id = $1 AND status = 'pending'
           RETURNING id)
         SELECT (SELECT min(created_at) FROM webhook_deliveries f WHERE f.webhook_id = $7 AND f.event_id = $8) AS first_at, now() AS now FROM done`,
        [attempt.id, succeeded ? 'succeeded' : 'failed', result.status, result.body, result.durationMs, result.error, attempt.webhookId, attempt.eventUuid],
      );
      if (!row) return null; // settled meanwhile (its lease ran out and another process took it over)
      if (succeeded) {
        await manager.query('UPDATE webhooks SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL', [attempt.webhookId]);
        return null;
      }
      const [webhook] = await manager.query(
        `WITH failing AS (UPDATE webhooks SET failing_since = COALESCE(failing_since, now()) WHERE id = $1 RETURNING is_active, failing_since, url)
         SELECT is_active, failing_since, url FROM failing`,
        [attempt.webhookId],
      );
      if (!webhook?.is_active) return null; // pings and retries of an inactive endpoint are not retried on their own
      if (failedLongEnough(webhook.failing_since, row.now)) return this.deactivate(manager, attempt.webhookId, webhook.url, webhook.failing_since);
      const next = nextRetryAt(attempt.attempt, row.first_at, row.now, this.config.webhooks.firstRetryDelayMs);
      if (next) {
        await manager.query(
          `INSERT INTO webhook_deliveries (webhook_id, event_id, type, attempt, due_at)
           SELECT $1, $2, $3, max(attempt) + 1, $4 FROM webhook_deliveries WHERE webhook_id = $1 AND event_id = $2
           ON CONFLICT DO NOTHING`,
          [attempt.webhookId, attempt.eventUuid, attempt.type, next],
        );
      }
      return null;
    });
    if (deactivated) this.relay.kick();
  }

  /** Failing for 24 h straight: no more deliveries (the waiting ones are closed), and the admins are told. */
  private async deactivate(manager: EntityManager, webhookId: number, url: string, failingSince: Date): Promise<true> {
    await manager.query('UPDATE webhooks SET is_active = false, deactivated_at = now(), updated_at = now() WHERE id = $1', [webhookId]);
    await manager.query(
      `UPDATE webhook_deliveries SET status = 'failed', error = 'not sent: the endpoint was deactivated after failing for 24 hours', finished_at = now()
        WHERE webhook_id = $1 AND status = 'pending' AND leased_until IS NULL`,
      [webhookId],
    );
    await publish(manager, 'webhook.deactivated', { webhookId, url, failingSince: failingSince.toISOString() });
    return true;
  }

  /** Closes attempts whose process died while sending them, and writes the next attempt of each, leased to this process; returns their ids. */
  private async replaceInterrupted(manager: EntityManager, ids: number[]): Promise<number[]> {
    await manager.query(`UPDATE webhook_deliveries SET status = 'failed', error = $2, leased_until = NULL, finished_at = now() WHERE id = ANY($1)`, [
      ids,
      INTERRUPTED,
    ]);
    const fresh: { id: string }[] = await manager.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, type, attempt, leased_until)
       SELECT webhook_id, event_id, type, attempt + 1, now() + $2 * interval '1 millisecond' FROM webhook_deliveries WHERE id = ANY($1)
       ON CONFLICT DO NOTHING RETURNING id`,
      [ids, this.leaseMs],
    );
    return fresh.map((f) => Number(f.id));
  }
}
