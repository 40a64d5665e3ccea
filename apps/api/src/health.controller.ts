import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

/** The health answer: the process is up, and whether the database answers. */
class HealthView {
  @ApiProperty({ enum: ['ok', 'error'], example: 'ok' }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) database: 'up' | 'down';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Liveness and database state',
    description:
      'Public, never cached. 200 {status: "ok", database: "up"} while the database answers; 503 {status: "error", database: "down"} when it does not, so a load balancer takes the instance out.',
  })
  @ApiResponse({ status: 200, type: HealthView, description: 'The database answers' })
  @ApiResponse({ status: 503, type: HealthView, description: 'The database does not answer', example: { status: 'error', database: 'down' } })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      reply.status(503);
      return { status: 'error', database: 'down' };
    }
  }
}
