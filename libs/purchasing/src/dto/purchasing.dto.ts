import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsMinorUnits, PartialUpdateType } from '@chance/core';

export class CreateSupplierDto {
  @ApiProperty({ example: 'Northwind Textiles' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) contactName?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(50) phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(1000) address?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

export class UpdateSupplierDto extends PartialUpdateType(CreateSupplierDto) {}

export class SupplierView {
  @ApiProperty({ example: 3 }) id: number;
  @ApiProperty({ example: 'Northwind Textiles' }) name: string;
  @ApiProperty({ example: 'Lee Chen' }) contactName: string;
  @ApiProperty({ example: 'orders@northwind.example.com', nullable: true, type: String }) email: string | null;
  @ApiProperty({ example: '+15550123', nullable: true, type: String }) phone: string | null;
  @ApiProperty({ example: '4 Mill Road, Riverside', nullable: true, type: String }) address: string | null;
  @ApiProperty({ example: 'Delivers on Tuesdays' }) notes: string;
}

export class PurchaseLineDto {
  @ApiProperty() @IsInt() @Min(1) variantId: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1_000_000) quantity: number;
  @ApiProperty({ description: 'Minor units per unit, from the supplier' }) @IsMinorUnits() unitCost: number;
}

export class CreatePurchaseDto {
  @ApiProperty() @IsInt() @Min(1) supplierId: number;

  @ApiPropertyOptional({ enum: ['draft', 'ordered'], default: 'draft' })
  @IsOptional()
  @IsIn(['draft', 'ordered'], { message: 'must be draft or ordered' })
  status?: 'draft' | 'ordered';

  @ApiProperty({ type: [PurchaseLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PurchaseLineDto)
  lines: PurchaseLineDto[];

  @ApiPropertyOptional({ description: 'From the supplier’s bill, minor units; default 0' }) @IsOptional() @IsMinorUnits() shippingCost?: number;
  @ApiPropertyOptional({ description: 'From the supplier’s bill, minor units; default 0' }) @IsOptional() @IsMinorUnits() taxTotal?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

export class UpdatePurchaseDto extends PartialUpdateType(CreatePurchaseDto) {}

export class PurchaseLineView {
  @ApiProperty() id: number;
  @ApiProperty() variantId: number;
  @ApiProperty() productName: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty() quantity: number;
  @ApiProperty() unitCost: number;
  @ApiProperty() lineTotal: number;
}

export class PurchaseView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'PO-000003' }) number: string;
  @ApiProperty() supplierId: number;
  @ApiProperty({ enum: ['draft', 'ordered', 'received', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) orderedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) receivedAt: Date | null;
  @ApiProperty({ type: [PurchaseLineView] }) lines: PurchaseLineView[];
  @ApiProperty() subtotal: number;
  @ApiProperty() shippingCost: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty() total: number;
  @ApiProperty() notes: string;
  @ApiProperty({ nullable: true, type: Number }) purchaseInvoiceId: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

/** A line as the invoice keeps it: the purchase line's snapshot, without the line's id. */
export class PurchaseInvoiceLineView extends OmitType(PurchaseLineView, ['id'] as const) {}

/** The supplier as at issue (the invoice keeps it as a JSON snapshot, see purchases.service.ts invoiceContent). */
export class PurchaseInvoiceSupplierView extends PickType(SupplierView, ['name', 'contactName', 'email', 'phone', 'address'] as const) {}

export class PurchaseInvoiceView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'PINV-2026-000004' }) number: string;
  @ApiProperty() purchaseId: number;
  @ApiProperty() purchaseNumber: string;
  @ApiProperty() supplierId: number;
  @ApiProperty({ type: PurchaseInvoiceSupplierView, description: 'The supplier as at issue' }) supplier: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) issuedAt: Date;
  @ApiProperty({ type: [PurchaseInvoiceLineView] }) lines: PurchaseInvoiceLineView[];
  @ApiProperty() currency: string;
  @ApiProperty() subtotal: number;
  @ApiProperty() shippingCost: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty() total: number;
  @ApiProperty({ enum: ['open', 'final', 'void'] }) status: string;
}
