import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class SettingsView {
  @ApiProperty({ example: 'Chance Store' }) storeName: string;
  @ApiProperty({ example: 'USD', description: 'ISO 4217 code; amounts are integers in its minor unit' }) currency: string;
  @ApiProperty({ example: 1500, description: 'The global tax rate in basis points (1500 = 15.00 %)' }) taxRateBps: number;
  @ApiProperty({ example: 5, description: 'Default low-stock threshold of variants' }) lowStockThreshold: number;
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
}

export class StoreInfoView {
  @ApiProperty({ example: 'Chance Store' }) storeName: string;
  @ApiProperty({ example: 'USD', description: 'Amounts are integers in this currency’s minor unit' }) currency: string;
  @ApiProperty({ example: 1500 }) taxRateBps: number;
}
