import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PurchaseStatus } from './purchase-rules.js';

@Entity('suppliers')
export class SupplierEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'contact_name', type: 'text' }) contactName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'text' }) notes: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('purchases')
export class PurchaseEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) number: string;
  @Column({ name: 'supplier_id', type: 'integer' }) supplierId: number;
  @Column({ type: 'text' }) status: PurchaseStatus;
  @Column({ type: 'integer' }) subtotal: number;
  @Column({ name: 'shipping_cost', type: 'integer' }) shippingCost: number;
  @Column({ name: 'tax_total', type: 'integer' }) taxTotal: number;
  @Column({ type: 'integer' }) total: number;
  @Column({ type: 'text' }) notes: string;
  @Column({ name: 'ordered_at', type: 'timestamptz', nullable: true }) orderedAt: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'purchase_invoice_id', type: 'integer', nullable: true }) purchaseInvoiceId: number | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('purchase_lines')
export class PurchaseLineEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'purchase_id', type: 'integer' }) purchaseId: number;
  @Column({ name: 'variant_id', type: 'integer' }) variantId: number;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ type: 'text' }) sku: string;
  @Column({ type: 'jsonb' }) attributes: Record<string, string>;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ name: 'unit_cost', type: 'integer' }) unitCost: number;
  @Column({ name: 'line_total', type: 'integer' }) lineTotal: number;
}

export interface PurchaseInvoiceLine {
  variantId: number;
  productName: string;
  sku: string;
  attributes: Record<string, string>;
  quantity: number;
  unitCost: number;
  lineTotal: number;
}

@Entity('purchase_invoices')
export class PurchaseInvoiceEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) number: string;
  @Column({ name: 'purchase_id', type: 'integer' }) purchaseId: number;
  @Column({ name: 'purchase_number', type: 'text' }) purchaseNumber: string;
  @Column({ name: 'supplier_id', type: 'integer' }) supplierId: number;
  @Column({ type: 'jsonb' }) supplier: Record<string, string | null>;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ type: 'jsonb' }) lines: PurchaseInvoiceLine[];
  @Column({ type: 'text' }) currency: string;
  @Column({ type: 'integer' }) subtotal: number;
  @Column({ name: 'shipping_cost', type: 'integer' }) shippingCost: number;
  @Column({ name: 'tax_total', type: 'integer' }) taxTotal: number;
  @Column({ type: 'integer' }) total: number;
  @Column({ type: 'text' }) status: 'open' | 'final' | 'void';
}

export const PURCHASING_ENTITIES = [SupplierEntity, PurchaseEntity, PurchaseLineEntity, PurchaseInvoiceEntity];
