import { Injectable } from '@nestjs/common';
import { randomSecret } from '@chance/core';
import { DataSource } from 'typeorm';

export interface ChargeRequest {
  /**
   * Unique per payment attempt, written with the `pending` payment before the call: the provider
   * charges at most once per key and answers a repeated key with the first charge's outcome
   * (Stripe: the `Idempotency-Key` of the request, also kept in the charge's metadata for lookup).
   */
  key: string;
  amount: number;
  currency: string;
  paymentToken: string;
  description: string;
}

export type ChargeOutcome = { status: 'succeeded'; reference: string } | { status: 'declined'; reason: string };

export interface RefundRequest {
  /**
   * Unique per refund, written with the `pending` refund before the call: the provider refunds at
   * most once per key and answers a repeated key with the first refund's outcome (Stripe: the
   * refund request's `Idempotency-Key`, also kept in its metadata for lookup).
   */
  key: string;
  /** the provider's reference of the charge to refund (the payment's `reference`) */
  chargeReference: string;
  amount: number;
  currency: string;
  description: string;
}

export type RefundOutcome = { status: 'succeeded'; reference: string } | { status: 'declined'; reason: string };

/**
 * The port a card processor plugs into (Stripe, Adyen, ...). Every operation may be retried and
 * may be abandoned through the signal; none is ever called inside a database transaction.
 */
export abstract class PaymentProvider {
  /** Charges the token, at most once per `request.key`. Throwing (or not answering) means the outcome is unknown. */
  abstract charge(request: ChargeRequest, signal: AbortSignal): Promise<ChargeOutcome>;
  /** The outcome of the charge made with this key, or null when the provider never received one. */
  abstract lookup(key: string, signal: AbortSignal): Promise<ChargeOutcome | null>;
  /** Gives (part of) a charge back, at most once per `request.key`. Throwing (or not answering) means the outcome is unknown. */
  abstract refund(request: RefundRequest, signal: AbortSignal): Promise<RefundOutcome>;
  /** The outcome of the refund made with this key, or null when the provider never received one. */
  abstract lookupRefund(key: string, signal: AbortSignal): Promise<RefundOutcome | null>;
}

/**
 * Built-in test processor (on unless NODE_ENV=production), standing for an external system: it
 * keeps its ledger of charges and refunds in its own table `test_payment_charges` (`kind`; committed
 * on its own, as a processor's records would be, so it survives the API process dying), which
 * tests count. `tok_visa` succeeds, `tok_declined` and anything else is declined. Test hooks:
 * `tok_visa_held` is charged at once but answered only when a test sets the ledger row's `held`
 * to false (a slow processor, to stop the API between charge and answer); `tok_provider_down`
 * fails like a network error, without a charge (a processor that never received the request).
 * A refund succeeds up to what is left of its charge; a test steers the refunds of a charge by
 * setting that charge's `refund_hook`: `held` (refunded at once, answered once `held` is false),
 * `down` (a network error, nothing refunded) or `declined`.
 */
@Injectable()
export class TestPaymentProvider extends PaymentProvider {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async charge(request: ChargeRequest, signal: AbortSignal): Promise<ChargeOutcome> {
    if (request.paymentToken === 'tok_provider_down') throw new Error('connect ECONNREFUSED (test provider down)');
    const succeeds = request.paymentToken === 'tok_visa' || request.paymentToken === 'tok_visa_held';
    const reason = request.paymentToken === 'tok_declined' ? 'The card was declined' : 'Unknown test card token';
    // the same key charges once: a repeated request answers the first outcome
    await this.dataSource.query(
      `INSERT INTO test_payment_charges (key, amount, currency, description, status, reference, reason, held)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING`,
      [
        request.key,
        request.amount,
        request.currency,
        request.description,
        succeeds ? 'succeeded' : 'declined',
        succeeds ? `test_ch_${randomSecret(12)}` : null,
        succeeds ? null : reason,
        request.paymentToken === 'tok_visa_held',
      ],
    );
    while ((await this.ledgerRow(request.key))?.held) {
      if (signal.aborted) throw signal.reason;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return (await this.lookup(request.key))!;
  }

  async lookup(key: string): Promise<ChargeOutcome | null> {
    const row = await this.ledgerRow(key);
    if (!row) return null;
    return row.status === 'succeeded' ? { status: 'succeeded', reference: row.reference } : { status: 'declined', reason: row.reason };
  }

  async refund(request: RefundRequest, signal: AbortSignal): Promise<RefundOutcome> {
    const [charge] = await this.dataSource.query(`SELECT refund_hook FROM test_payment_charges WHERE kind = 'charge' AND reference = $1`, [
      request.chargeReference,
    ]);
    if (charge?.refund_hook === 'down') throw new Error('connect ECONNREFUSED (test provider down)');
    // the same key refunds once; a refund succeeds up to what is left of a succeeded charge
    await this.dataSource.query(
      `INSERT INTO test_payment_charges (key, kind, charge_reference, amount, currency, description, status, reference, reason, held)
       SELECT $1, 'refund', $2, $3, $4, $5,
              CASE WHEN c.ok THEN 'succeeded' ELSE 'declined' END,
              CASE WHEN c.ok THEN 'test_re_' || $6 END,
              CASE WHEN NOT c.ok THEN COALESCE(c.why, 'No such charge') END,
              c.ok AND c.hook IS NOT DISTINCT FROM 'held'
         FROM (SELECT COALESCE(bool_or(ch.status = 'succeeded' AND ch.refund_hook IS DISTINCT FROM 'declined' AND $3 <= ch.amount - ch.given), false) AS ok,
                      max(ch.refund_hook) AS hook,
                      max(CASE WHEN ch.refund_hook = 'declined' THEN 'The refund was declined'
                               WHEN $3 > ch.amount - ch.given THEN 'The refund exceeds what is left of the charge' END) AS why
                 FROM (SELECT c.*, (SELECT COALESCE(sum(r.amount), 0) FROM test_payment_charges r
                                     WHERE r.kind = 'refund' AND r.status = 'succeeded' AND r.charge_reference = c.reference) AS given
                         FROM test_payment_charges c WHERE c.kind = 'charge' AND c.reference = $2) ch) c
       ON CONFLICT (key) DO NOTHING`,
      [request.key, request.chargeReference, request.amount, request.currency, request.description, randomSecret(12)],
    );
    while ((await this.ledgerRow(request.key))?.held) {
      if (signal.aborted) throw signal.reason;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return (await this.lookupRefund(request.key))!;
  }

  async lookupRefund(key: string): Promise<RefundOutcome | null> {
    return this.lookup(key);
  }

  private async ledgerRow(key: string): Promise<{ status: string; reference: string; reason: string; held: boolean } | undefined> {
    const [row] = await this.dataSource.query('SELECT status, reference, reason, held FROM test_payment_charges WHERE key = $1', [key]);
    return row;
  }
}

/** Without a configured processor, online payments are refused rather than faked. */
@Injectable()
export class NoPaymentProvider extends PaymentProvider {
  async charge(): Promise<ChargeOutcome> {
    return { status: 'declined', reason: 'Online card payments are not configured' };
  }

  async lookup(): Promise<ChargeOutcome | null> {
    return null;
  }

  async refund(): Promise<RefundOutcome> {
    return { status: 'declined', reason: 'Online card payments are not configured' };
  }

  async lookupRefund(): Promise<RefundOutcome | null> {
    return null;
  }
}
