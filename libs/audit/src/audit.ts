import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ADMIN_MAX_ROWS, actorContext, findPage, notFound, type ListColumns, type ListPage, type ListQuery, type ListSpec, ReadReplica } from '@chance/core';
import { BACK_OFFICE, type Caller } from '@chance/identity';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity.js';
import type { AuditLogView } from './dto/audit-log.dto.js';

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export const toAuditLogView = (a: AuditLogEntity): AuditLogView => ({
  id: a.id,
  actorId: a.actorId,
  apiKeyId: a.apiKeyId,
  action: a.action,
  resource: a.resource,
  resourceId: a.resourceId,
  parentResource: a.parentResource,
  parentId: a.parentId,
  operation: a.operation,
  changes: Object.fromEntries(Object.entries(a.changes).map(([k, v]) => [camel(k), v])),
  at: a.at,
});

export const AUDIT_LIST: ListSpec = {
  resource: 'audit-logs',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'at'],
  defaultSort: ['id', 'DESC'],
  filters: {
    resource: { type: 'string' },
    resourceId: { type: 'int' },
    record: { type: 'string' },
    actorId: { type: 'int' },
    apiKeyId: { type: 'int' },
    action: { type: 'string' },
    at_gte: { type: 'date' },
    at_lte: { type: 'date' },
  },
};

const COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: { id: 'a.id', at: 'a.at', resource: 'a.resource', resourceId: 'a.resourceId', actorId: 'a.actorId', apiKeyId: 'a.apiKeyId', action: 'a.action' },
  custom: {
    // `record: "products:5"`: the record's own entries and those of its parts (variants, payments, ...)
    record: (qb, value) => {
      const [resource, id] = String(value).split(':');
      qb.andWhere('((a.resource = :recordResource AND a.resourceId = :recordId) OR (a.parentResource = :recordResource AND a.parentId = :recordId))', {
        recordResource: resource,
        recordId: Number(id) || 0,
      });
    },
  },
};

@Injectable()
export class AuditLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  async list(query: ListQuery): Promise<ListPage<AuditLogView>> {
    return (await this.reads.onReplica((manager) => findPage('audit-logs', manager.createQueryBuilder(AuditLogEntity, 'a'), query, COLUMNS))).map(
      toAuditLogView,
    );
  }

  async get(id: number): Promise<AuditLogView> {
    const entry = await this.dataSource.manager.findOneBy(AuditLogEntity, { id });
    if (!entry) throw notFound('Audit log entry');
    return toAuditLogView(entry);
  }
}

const VERB = /\/:id\/([a-z-]+)$/;
/** a bulk action records, for each record, the action of its single-record route (`bulk-status` → status) */
const BULK_VERB = /\/bulk-([a-z-]+)$/;

/**
 * `POST /api/admin/purchases/:id/receive` → receive; POST → create; PUT → update; DELETE → delete;
 * `POST /api/admin/orders/bulk-status` → status, as each of its records' own route would record.
 */
export function actionOf(method: string, route: string): string {
  const verb = VERB.exec(route)?.[1] ?? BULK_VERB.exec(route)?.[1];
  if (method === 'POST') return verb ?? 'create';
  if (method === 'PUT' || method === 'PATCH') return 'update';
  if (method === 'DELETE') return 'delete';
  return method.toLowerCase();
}

/** Declares the back-office caller of every write request (a user, or an API key) as the actor of its transactions. */
@Injectable()
export class AuditActorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const caller = request.caller;
    if (!caller || !BACK_OFFICE.includes(caller.role) || request.method === 'GET') return next.handle();
    const route = request.routeOptions?.url ?? request.url;
    const actor = {
      actorId: caller.apiKey ? null : caller.id,
      apiKeyId: caller.apiKey?.id ?? null,
      action: actionOf(request.method, route),
      operation: `${request.method} ${route}`,
    };
    return new Observable((subscriber) => actorContext.run(actor, () => next.handle().subscribe(subscriber)));
  }
}
