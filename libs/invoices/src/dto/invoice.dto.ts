import { SETTLEMENT_STATUSES } from '@chance/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The order's payment status, as at the invoice's last update. */

export class InvoiceLineView {
  @ApiProperty({ nullable: true, type: Number, description: 'null on a booking’s line (a service)' }) productId: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null on a booking’s line (a service)' }) variantId: number | null;
  @ApiProperty() productName: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty() unitPrice: number;
  @ApiProperty() quantity: number;
  @ApiProperty() lineTotal: number;
  @ApiProperty() shippingCost: number;
}

/** Who the invoice is addressed to: the order's shipping address and e-mail, as at the order; for a booking, its customer at the visit's address (line1). */
export class BillToView {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() line1: string;
  @ApiPropertyOptional({ type: String, nullable: true }) line2?: string | null;
  @ApiProperty() city: string;
  @ApiProperty() postalCode: string;
  @ApiProperty() country: string;
  @ApiPropertyOptional({ type: String, nullable: true }) phone?: string | null;
}

export class InvoiceView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'INV-2026-000017' }) number: string;
  @ApiProperty({ nullable: true, type: Number, example: 42, description: 'The order it bills; null for a booking’s invoice' }) orderId: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'ORD-000042', description: 'null for a booking’s invoice' }) orderNumber: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: null,
    description: 'The booking it bills (issued when the booking was completed); null for an order’s invoice',
  })
  bookingId: number | null;
  @ApiProperty({ description: 'Starts at 1; each edit of the order revises the invoice (same number) and adds 1' }) revision: number;
  @ApiProperty({ format: 'date-time' }) issuedAt: Date;
  @ApiProperty({ type: BillToView, description: 'Name, e-mail and address, as at the order' }) billTo: BillToView;
  @ApiProperty({ type: [InvoiceLineView] }) lines: InvoiceLineView[];
  @ApiProperty() currency: string;
  @ApiProperty() subtotal: number;
  @ApiProperty() discountTotal: number;
  @ApiProperty() shippingTotal: number;
  @ApiProperty() taxRateBps: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty() total: number;
  @ApiProperty() paidAmount: number;
  @ApiProperty({ enum: SETTLEMENT_STATUSES }) paymentStatus: string;
}
