import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { PartialUpdateType } from '@chance/core';
import { SLUG } from '../catalog-rules.js';

export class CreateCategoryDto {
  @ApiProperty({ example: 'Shirts' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;

  @ApiPropertyOptional({ example: 'shirts', description: 'Made from the name when absent' })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: 'must be lowercase letters, digits and single dashes' })
  @MaxLength(100)
  slug?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  parentId?: number | null;
}

export class UpdateCategoryDto extends PartialUpdateType(CreateCategoryDto) {}

export class CategoryView {
  @ApiProperty({ example: 2 }) id: number;
  @ApiProperty({ example: 'Shirts' }) name: string;
  @ApiProperty({ example: 'shirts' }) slug: string;
  @ApiProperty({ example: 'Shirts of linen and cotton' }) description: string;
  @ApiProperty({ example: 1, nullable: true, type: Number }) parentId: number | null;
}
