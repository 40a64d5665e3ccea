import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreditNoteEntity } from './credit-note.entity.js';

export class CreditNoteLineView {
  @ApiProperty({ example: 'Refund: late delivery' }) description: string;
  @ApiPropertyOptional() productName?: string;
  @ApiPropertyOptional() sku?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) attributes?: Record<string, string>;
  @ApiProperty() quantity: number;
  @ApiProperty() unitPrice: number;
  @ApiProperty() lineTotal: number;
}

export class CreditNoteView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'CN-2026-000003' }) number: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The record’s invoice (null when it has none, e.g. an in-store sale)' }) invoiceId: number | null;
  @ApiProperty({ nullable: true, type: Number }) orderId: number | null;
  @ApiProperty({ nullable: true, type: Number }) offlineSaleId: number | null;
  @ApiProperty({ nullable: true, type: Number }) bookingId: number | null;
  @ApiProperty() refundId: number;
  @ApiProperty({ nullable: true, type: Number }) returnId: number | null;
  @ApiProperty({ example: 'ORD-000042' }) recordNumber: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: Date;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Whom it is addressed to, as at the refund' }) billTo: Record<string, unknown>;
  @ApiProperty() currency: string;
  @ApiProperty() taxRateBps: number;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [CreditNoteLineView], description: 'A return’s lines, or one line "Refund: <reason>"' }) lines: CreditNoteLineView[];
  @ApiProperty() subtotal: number;
  @ApiProperty() discountTotal: number;
  @ApiProperty() shippingTotal: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty({ description: 'The refund’s amount' }) total: number;
}

export const toCreditNoteView = (c: CreditNoteEntity): CreditNoteView => ({
  id: c.id,
  number: c.number,
  invoiceId: c.invoiceId,
  orderId: c.orderId,
  offlineSaleId: c.offlineSaleId,
  bookingId: c.bookingId,
  refundId: c.refundId,
  returnId: c.returnId,
  recordNumber: c.recordNumber,
  issuedAt: c.issuedAt,
  billTo: { ...c.billTo },
  currency: c.currency,
  taxRateBps: c.taxRateBps,
  reason: c.reason,
  lines: c.lines,
  subtotal: c.subtotal,
  discountTotal: c.discountTotal,
  shippingTotal: c.shippingTotal,
  taxTotal: c.taxTotal,
  total: c.total,
});
