import { ApiProperty } from '@nestjs/swagger';

export class AuditLogView {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The user who made the change; null when an API key did' }) actorId: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The API key that made the change (docs/api.md#api-keys), if one did' }) apiKeyId: number | null;
  @ApiProperty({ example: 'update', description: 'create, update, delete, or the action (receive, cancel, mark-paid, status, ...)' }) action: string;
  @ApiProperty({ example: 'products' }) resource: string;
  @ApiProperty({ nullable: true, type: Number }) resourceId: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The record whose history this belongs to as well (a variant’s product, a payment’s order)' })
  parentResource: string | null;
  @ApiProperty({ nullable: true, type: Number }) parentId: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'PUT /api/admin/products/:id' }) operation: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array' }, example: { price: [1999, 1799] }, description: 'field → [before, after]' })
  changes: Record<string, [unknown, unknown]>;
  @ApiProperty({ format: 'date-time' }) at: Date;
}
