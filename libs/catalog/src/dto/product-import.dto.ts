import { ApiProperty } from '@nestjs/swagger';

export class ImportErrorView {
  @ApiProperty({ example: 17, description: 'The line in the file where the row starts; the header is line 1' }) row: number;
  @ApiProperty({ nullable: true, type: String, example: 'price', description: 'The column, as named in the header; null for the whole row or file' })
  column: string | null;
  @ApiProperty({ example: 'must be a whole number of minor units (1999 for 19.99)' }) message: string;
}

export class ImportResultView {
  @ApiProperty({ example: 12, description: 'Rows that create a variant (and, for a new product name, its product)' }) created: number;
  @ApiProperty({ example: 3, description: 'Rows that change an existing variant or its product' }) updated: number;
  @ApiProperty({ example: 40, description: 'Rows that match the catalog already' }) unchanged: number;
  @ApiProperty({ type: [ImportErrorView], description: 'By line; at most the first 1,000' }) errors: ImportErrorView[];
}
