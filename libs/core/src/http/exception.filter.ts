import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from '../errors/error-body.js';
import { redactUrl } from './redact.js';

/** Every error leaves the API as the contract's JSON body: no stack traces, no 500 for bad input. */
@Catch()
export class ContractExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body, headers, unexpected } = toErrorResponse(exception);
    if (unexpected) {
      this.logger.error(
        `${request?.method} ${redactUrl(request?.url ?? '')} failed (request ${request?.id})`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (reply.sent) return;
    reply.headers(headers).status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}
