import { Injectable } from '@nestjs/common';
import { ADMIN_MAX_ROWS, findPage, notFound, type ListColumns, type ListPage, type ListQuery, type ListSpec } from '@chance/core';
import { DataSource } from 'typeorm';
import { EMAIL_STATUSES, type EmailView } from './dto/email.dto.js';
import { EmailEntity } from './email.entity.js';
import { TEMPLATES } from './mail-templates.js';

export const EMAIL_LIST: ListSpec = {
  resource: 'emails',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'createdAt', 'sentAt', 'to'],
  defaultSort: ['id', 'DESC'],
  searchable: true,
  filters: {
    status: { type: 'enum', values: EMAIL_STATUSES },
    template: { type: 'enum', values: TEMPLATES },
    createdAt_gte: { type: 'date' },
    createdAt_lte: { type: 'date' },
  },
};

const COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: { id: 'e.id', createdAt: 'e.createdAt', sentAt: 'e.sentAt', to: 'e.to', status: 'e.status', template: 'e.template' },
  search: ['e.to', 'e.subject'],
};

export const toEmailView = (e: EmailEntity): EmailView => ({
  id: e.id,
  to: e.to,
  template: e.template,
  subject: e.subject,
  status: e.status,
  attempts: e.attempts,
  sentAt: e.sentAt,
  error: e.error,
  nextAttemptAt: e.status === 'pending' ? e.dueAt : null,
  createdAt: e.createdAt,
});

/** The e-mail log (`emails`, admin, read only). */
@Injectable()
export class EmailsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListQuery): Promise<ListPage<EmailView>> {
    return (await findPage('emails', this.dataSource.manager.createQueryBuilder(EmailEntity, 'e'), query, COLUMNS)).map(toEmailView);
  }

  async get(id: number): Promise<EmailView> {
    const email = await this.dataSource.manager.findOneBy(EmailEntity, { id });
    if (!email) throw notFound('E-mail');
    return toEmailView(email);
  }
}
