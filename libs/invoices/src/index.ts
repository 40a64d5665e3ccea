export * from './invoices.module.js';
export { InvoicesService } from './invoices.service.js';
export { CreditNotesService } from './credit-notes.service.js';
export { InvoiceEntity, type BillTo, type InvoiceLine } from './invoice.entity.js';
export { InvoiceView } from './dto/invoice.dto.js';
export { toInvoiceView } from './invoice-view.js';
export { CreditNoteEntity } from './credit-note.entity.js';
