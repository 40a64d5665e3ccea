export * from './invoices.module.js';
export { InvoicesService } from './invoices.service.js';
export { InvoiceEntity, type BillTo, type InvoiceLine } from './invoice.entity.js';
export { InvoiceView, toInvoiceView } from './invoice.view.js';
