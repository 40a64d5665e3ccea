import { Global, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DomainEventBus } from './events/domain-event-bus.js';
import { ContractExceptionFilter } from './http/exception.filter.js';
import { contractValidationPipe } from './http/validation.js';
import { ListPageInterceptor } from './list-query/list-page.js';
import { OutboxRelay } from './outbox/outbox.js';
import { ReadReplica } from './database/replica.js';
import { Retention } from './retention/retention.js';
import { RateLimiter } from './security/rate-limiter.js';
import { Scheduler } from './scheduler/scheduler.js';

class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.outbox.relay) this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** The shared kernel wired into Nest: config, error contract, validation, list protocol, domain events, outbox, rate limits, retention, the read replica. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      // in-transaction events: listeners are subscribed by @OnTransactionEvent, raised by DomainEventBus
      imports: [EventEmitterModule.forRoot({ wildcard: false })],
      providers: [
        DomainEventBus,
        { provide: APP_CONFIG, useValue: config },
        {
          provide: OutboxRelay,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new OutboxRelay(dataSource, { intervalMs: config.outbox.intervalMs }),
        },
        OutboxRelayLifecycle,
        RateLimiter,
        Retention,
        ReadReplica,
        Scheduler,
        { provide: APP_FILTER, useClass: ContractExceptionFilter },
        { provide: APP_PIPE, useFactory: contractValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ListPageInterceptor },
      ],
      exports: [APP_CONFIG, DomainEventBus, OutboxRelay, RateLimiter, Retention, ReadReplica, Scheduler],
    };
  }
}
