import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import type { TransactionEvent, TransactionEventName, TransactionEvents } from './event-catalog.js';

/**
 * Raises in-transaction events (docs/architecture.md, Events): the consistency work of other
 * libraries (the invoice that follows its order) runs inside the raising command's transaction,
 * without the raising library importing the reacting one. Listeners subscribe with
 * `@OnTransactionEvent(name)`; side effects that must wait for the commit go to the outbox instead.
 */
@Injectable()
export class DomainEventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  /**
   * Runs every listener of `name` now, in `manager`'s transaction, one after another in the order
   * they subscribed, each awaited: the transaction has one connection, so they could not run side
   * by side anyway, and this way their statements come in a fixed order. The first listener that
   * throws stops the others and its error reaches the caller, whose transaction rolls back.
   */
  async raise<K extends TransactionEventName>(manager: EntityManager, name: K, payload: TransactionEvents[K]): Promise<void> {
    const event: TransactionEvent<K> = { name, manager, payload };
    for (const listener of this.emitter.listeners(name)) await listener(event);
  }
}

type Listener<K extends TransactionEventName> = (event: TransactionEvent<K>) => Promise<void>;

/**
 * Subscribes a provider's method to an in-transaction event. The method takes the typed event
 * (a method of another shape does not compile) and its errors are not swallowed: they roll the
 * raising transaction back.
 */
export function OnTransactionEvent<K extends TransactionEventName>(
  name: K,
): (target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<Listener<K>>) => void {
  return (target, key, descriptor) => OnEvent(name, { suppressErrors: false })(target, key, descriptor);
}
