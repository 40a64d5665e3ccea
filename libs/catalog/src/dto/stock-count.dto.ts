import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInstant } from '@chance/core';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class StockCountLineDto {
  @ApiProperty() @IsInt() @Min(1) variantId: number;
  @ApiProperty({ example: 3, description: 'Units on the shelf' }) @IsInt() @Min(0) @Max(1_000_000_000) counted: number;
}

export class CreateStockCountDto {
  @ApiPropertyOptional({ example: 'Aisle 3, Monday morning' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;

  @ApiPropertyOptional({
    example: '2026-12-07T08:30:00Z',
    description:
      'When the counting began. Each line is then applied to the stock the variant had at that moment: what moved since (a sale, a delivery) still ' +
      'happened on top of the count. Without it, the count is taken as of now. Not in the future.',
  })
  @IsOptional()
  @IsInstant('must be an ISO 8601 instant')
  startedAt?: string;

  @ApiProperty({
    type: [StockCountLineDto],
    description: 'One line per variant counted, at most 450 (a JSON body holds at most 1,000 keys, docs/api.md#limits): count a big shop in several counts',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(450)
  @ValidateNested({ each: true })
  @Type(() => StockCountLineDto)
  lines: StockCountLineDto[];
}

export class StockCountLineView {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Null once the variant is deleted' }) variantId: number | null;
  @ApiProperty() productId: number;
  @ApiProperty() productName: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty({ description: 'The stock the count started from (at `startedAt`, else when saved)' }) expected: number;
  @ApiProperty() counted: number;
  @ApiProperty({ description: 'counted − expected: the `stock_count` movement (none when 0)' }) delta: number;
  @ApiProperty({ description: 'The stock when the count was saved' }) stockBefore: number;
  @ApiProperty({ description: 'stockBefore + delta' }) stockAfter: number;
}

export class StockCountView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'SC-000042', description: 'The `reference` of its movements' }) number: string;
  @ApiProperty() note: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, type: Number }) createdById: number | null;
  @ApiProperty({ type: [StockCountLineView] }) lines: StockCountLineView[];
}
