import { Injectable } from '@nestjs/common';
import { randomSecret } from '@chance/core';

export interface ChargeRequest {
  amount: number;
  currency: string;
  paymentToken: string;
  description: string;
}

export type ChargeResult = { status: 'succeeded'; reference: string } | { status: 'declined'; reason: string };

/** The port a card processor plugs into (Stripe, Adyen, ...): charge a token for an amount. */
export abstract class PaymentProvider {
  abstract charge(request: ChargeRequest): Promise<ChargeResult>;
}

/** Built-in test processor (on unless NODE_ENV=production): `tok_visa` succeeds, anything else is declined. */
@Injectable()
export class TestPaymentProvider extends PaymentProvider {
  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (request.paymentToken === 'tok_visa') return { status: 'succeeded', reference: `test_ch_${randomSecret(12)}` };
    return { status: 'declined', reason: request.paymentToken === 'tok_declined' ? 'The card was declined' : 'Unknown test card token' };
  }
}

/** Without a configured processor, online payments are refused rather than faked. */
@Injectable()
export class NoPaymentProvider extends PaymentProvider {
  async charge(): Promise<ChargeResult> {
    return { status: 'declined', reason: 'Online card payments are not configured' };
  }
}
