import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database state' })
  @ApiResponse({ status: 200, description: '{status: "ok", database: "up"}' })
  @ApiResponse({ status: 503, description: '{status: "error", database: "down"}' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; database: string }> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      reply.status(503);
      return { status: 'error', database: 'down' };
    }
  }
}
