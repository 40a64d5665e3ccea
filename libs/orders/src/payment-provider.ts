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

/**
 * The port a card processor plugs into (Stripe, Adyen, ...). Both operations may be retried and
 * may be abandoned through the signal; neither is ever called inside a database transaction.
 */
export abstract class PaymentProvider {
  /** Charges the token, at most once per `request.key`. Throwing (or not answering) means the outcome is unknown. */
  abstract charge(request: ChargeRequest, signal: AbortSignal): Promise<ChargeOutcome>;
  /** The outcome of the charge made with this key, or null when the provider never received one. */
  abstract lookup(key: string, signal: AbortSignal): Promise<ChargeOutcome | null>;
}

/**
 * Built-in test processor (on unless NODE_ENV=production), standing for an external system: it
 * keeps its ledger of charges in its own table `test_payment_charges` (committed on its own, as a
 * processor's records would be, so it survives the API process dying), which tests count.
 * `tok_visa` succeeds, `tok_declined` and anything else is declined. Test hooks:
 * `tok_visa_held` is charged at once but answered only when a test sets the ledger row's `held`
 * to false (a slow processor, to stop the API between charge and answer); `tok_provider_down`
 * fails like a network error, without a charge (a processor that never received the request).
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
}
