import type { Type } from '@nestjs/common';
import { DECORATORS, PartialType } from '@nestjs/swagger';

/**
 * The DTO of a partial update (`PUT /api/admin/<resource>/:id` takes the fields to change,
 * docs/api.md#requests-and-bodies): every field of `classRef` optional, with its validation, documented without the
 * `default` of creation. A field left out of an update keeps its value, so a documented
 * `default: true` (PartialType copies it) would say the opposite of what happens.
 */
export function PartialUpdateType<T>(classRef: Type<T>): Type<Partial<T>> {
  const partial = PartialType(classRef);
  const fields: string[] = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, partial.prototype) ?? [];
  for (const field of fields.map((f) => f.replace(/^:/, ''))) {
    const metadata = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, partial.prototype, field);
    if (metadata && 'default' in metadata) {
      const { default: _default, ...rest } = metadata;
      Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, rest, partial.prototype, field);
    }
  }
  return partial;
}
