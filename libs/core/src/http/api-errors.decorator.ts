import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, HTTP_REASON, type ErrorCode } from '../errors/error-codes.js';

/** The error body of every failed request (docs/api.md#errors). */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({
    enum: Object.keys(ERROR_STATUS),
    enumName: 'ErrorCode',
    example: 'VALIDATION_FAILED',
    description: 'Stable machine-readable code (docs/api.md#errors): branch on it, not on the message',
  })
  code: ErrorCode;
  @ApiProperty({ example: 'Validation failed' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { email: 'must be an email' },
    description: 'Field name → message, for validation failures',
  })
  errors?: Record<string, string>;
}

/** Documents the error responses an endpoint can give, grouped by status with their codes. */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set<ErrorCode>(['VALIDATION_FAILED', ...codes])) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus.entries()].map(([status, list]) => ApiResponse({ status, description: `${HTTP_REASON[status]}: ${list.join(', ')}`, type: ErrorBodyDto })),
  );
}
