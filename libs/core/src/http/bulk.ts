import { Logger } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsInt, Max, Min } from 'class-validator';
import { toErrorResponse } from '../errors/error-body.js';

/** The most records one bulk action takes (a page of a list is at most this long in the SPA). */
export const BULK_MAX_IDS = 100;

/** The records a bulk action applies to: distinct ids, 1 to BULK_MAX_IDS of them. */
export class BulkIdsDto {
  @ApiProperty({ type: [Number], example: [1041, 1042, 1043], description: `1 to ${BULK_MAX_IDS} distinct ids` })
  @IsArray({ message: 'must be a list of ids' })
  @ArrayNotEmpty({ message: 'must name at least one record' })
  @ArrayMaxSize(BULK_MAX_IDS, { message: `must name at most ${BULK_MAX_IDS} records per request` })
  @ArrayUnique({ message: 'must not name a record twice' })
  @IsInt({ each: true, message: 'must hold whole-number ids' })
  @Min(1, { each: true, message: 'must hold positive ids' })
  @Max(2_147_483_647, { each: true, message: 'must hold ids that exist' })
  ids: number[];
}

/** One record a bulk action could not change, with the contract's error for it. */
export class BulkFailureView {
  @ApiProperty({ example: 1043 }) id: number;
  @ApiProperty({ example: 'INVALID_TRANSITION', description: 'The error code the single-record route answers for this record' }) code: string;
  @ApiProperty({ example: 'An order cannot go from cancelled to shipped' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { categoryId: 'does not exist' },
    description: 'Field name → message, for validation failures',
  })
  errors?: Record<string, string>;
}

/** What a bulk action did: the ids changed (each committed on its own) and the ones refused, with why. */
export class BulkResultView {
  @ApiProperty({ type: [Number], example: [1041, 1042], description: 'Changed, in the order given' }) succeeded: number[];
  @ApiProperty({ type: [BulkFailureView], description: 'Left unchanged, in the order given' }) failed: BulkFailureView[];
}

const logger = new Logger('Bulk');

/**
 * Applies a single-record command to each id in turn, each in the command's own transaction: a
 * refused record is left unchanged and reported with the code and message its single route would
 * answer; the others are done. Sequential, so that records never deadlock on one another and the
 * database is not flooded. An unexpected failure (a 5xx) is reported for its record too (and
 * logged), never as the bulk request's answer: the records before it are committed already.
 */
export async function applyToEach(ids: readonly number[], command: (id: number) => Promise<unknown>): Promise<BulkResultView> {
  const result: BulkResultView = { succeeded: [], failed: [] };
  for (const id of ids) {
    try {
      await command(id);
      result.succeeded.push(id);
    } catch (error) {
      const { body, unexpected } = toErrorResponse(error);
      if (unexpected) logger.error(`record ${id} failed`, error instanceof Error ? error.stack : String(error));
      const failure: BulkFailureView = { id, code: body.code, message: body.message };
      if (body.errors && !Array.isArray(body.errors)) failure.errors = body.errors;
      result.failed.push(failure);
    }
  }
  return result;
}
