import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';

/**
 * OpenAPI description of a PDF answer: `application/pdf` as a binary string, shown inline
 * (Content-Disposition: inline; filename="<number>.pdf").
 */
export function ApiPdf(what: string): MethodDecorator {
  return applyDecorators(
    ApiProduces('application/pdf'),
    ApiResponse({
      status: 200,
      description: `The printable ${what} (application/pdf, Content-Disposition: inline with its file name)`,
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    }),
  );
}
