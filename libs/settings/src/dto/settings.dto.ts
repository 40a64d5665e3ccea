import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class SettingsView {
  @ApiProperty({ example: 'Chance Store' }) storeName: string;
  @ApiProperty({ example: 'USD', description: 'ISO 4217 code; amounts are integers in its minor unit' }) currency: string;
  @ApiProperty({ example: 1500, description: 'The global tax rate in basis points (1500 = 15.00 %)' }) taxRateBps: number;
  @ApiProperty({ example: 5, description: 'Default low-stock threshold of variants' }) lowStockThreshold: number;
  @ApiProperty({ example: 30, description: 'Days after delivery within which a customer may request a return (docs/api.md#refunds-and-returns)' })
  returnWindowDays: number;
  @ApiProperty({ example: 'Chance Store Ltd', description: 'The seller’s legal name, printed on invoices, credit notes, receipts and purchase invoices' })
  legalName: string;
  @ApiProperty({ example: '1 High Street, Springfield', description: 'The seller’s address' }) address: string;
  @ApiProperty({ example: 'VAT GB123456789', description: 'The seller’s tax number' }) taxId: string;
  @ApiProperty({ example: 'accounts@example.com' }) email: string;
  @ApiProperty({ example: '+1 555 0100' }) phone: string;
  @ApiProperty({ example: 'Thank you for your business.', description: 'Printed at the foot of invoices, credit notes, receipts and purchase invoices' })
  invoiceFooter: string;
}

export class UpdateSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) storeName?: string;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'must be a 3-letter ISO 4217 code such as USD' })
  currency?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of basis points' })
  @Min(0)
  @Max(10000)
  taxRateBps?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  lowStockThreshold?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(3650)
  returnWindowDays?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) legalName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) taxId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) invoiceFooter?: string;
}

export class StoreInfoView {
  @ApiProperty({ example: 'Chance Store' }) storeName: string;
  @ApiProperty({ example: 'USD', description: 'Amounts are integers in this currency’s minor unit' }) currency: string;
  @ApiProperty({ example: 1500 }) taxRateBps: number;
}
