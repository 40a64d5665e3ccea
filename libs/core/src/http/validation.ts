import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { validationFailed, type FieldErrors } from '../errors/domain-error.js';

/**
 * class-validator errors as the `errors` map react-admin shows under inputs:
 * `{ "shippingAddress.city": "must be a string", "total": "is not allowed" }`.
 */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    if (constraints.whitelistValidation) {
      out[path] = 'is not allowed';
    } else {
      const key = PRIORITY.find((k) => constraints[k]) ?? Object.keys(constraints)[0];
      const first = key ? constraints[key] : undefined;
      if (first) out[path] = first.replace(new RegExp(`^${escape(error.property)} `), '');
    }
    if (error.children?.length) Object.assign(out, fieldErrors(error.children, path));
  }
  return out;
}

/** The message that says the most: missing or wrong type first, then format and range. */
const PRIORITY = ['isDefined', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isIn', 'isEnum', 'isEmail', 'isNotEmpty'];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Global validation: unknown fields refused, types enforced, no implicit conversions of the body. */
export function contractValidationPipe(): ValidationPipe {
  return new ContractValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = fieldErrors(errors);
      if (Object.keys(fields).length === 0) fields.body = 'must be a JSON object';
      return validationFailed(fields);
    },
  });
}

/**
 * A body validated against a DTO class must be a JSON object: arrays, strings and null are refused.
 * No body at all is an empty object (docs/api.md#requests-and-bodies, bodiless actions): an action whose fields
 * are all optional takes it, and a DTO with required fields names them.
 */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === undefined) value = {};
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw validationFailed({ body: 'must be a JSON object' });
      }
      const nul = pathOfNul(value);
      if (nul) throw validationFailed({ [nul]: 'must not contain NUL characters' });
    }
    return super.transform(value, metadata);
  }
}

/**
 * The path of the first string holding a NUL character (PostgreSQL text cannot store one).
 * Walks with its own stack, never recursing on the depth a client chose.
 */
function pathOfNul(root: unknown): string | undefined {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || 'body';
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], path ? `${path}.${entries[i][0]}` : entries[i][0]]);
    }
  }
  return undefined;
}
