import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** How a request header is described in the OpenAPI document. */
export interface HeaderDoc {
  /** the header's name as the docs spell it (`X-Cart-Token`); read case-insensitively, as HTTP does */
  name: string;
  required: boolean;
  description: string;
  example?: string;
}

/**
 * A request header as a handler parameter (its raw value, undefined when absent), documented once
 * in the OpenAPI document with its name, requiredness and description. Nest's own `@Headers(name)`
 * would add a second, lower-case and always required parameter beside any `@ApiHeader`, so a typed
 * client had to send the header on every call; this decorator is the only declaration.
 */
export function HeaderParam(doc: HeaderDoc): ParameterDecorator {
  const key = doc.name.toLowerCase();
  return createParamDecorator(
    (_: unknown, context: ExecutionContext): string | undefined => {
      const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[key];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    [
      (target: object, method: string | symbol | undefined) => {
        if (method === undefined) return;
        const descriptor = Object.getOwnPropertyDescriptor(target, method);
        if (descriptor) ApiHeader({ name: doc.name, required: doc.required, description: doc.description, example: doc.example })(target, method, descriptor);
      },
    ],
  )();
}

/**
 * `X-Cart-Token`: a guest cart's token (SPEC section 5). Optional where a signed-in customer
 * reaches their cart with the bearer token instead; required where the call is about a guest cart
 * (merging one into yours).
 */
export const CartToken = (required = false): ParameterDecorator =>
  HeaderParam({
    name: 'X-Cart-Token',
    required,
    description: required
      ? 'The guest cart’s token (from its creation).'
      : 'A guest cart’s token (from its creation). Not needed for a signed-in customer’s own cart: the bearer token reaches it. A cart reached with neither is 404 NOT_FOUND.',
    example: 'q3v9n1hJ4c2b7XrT0sFz8mLkPw5eYa6d',
  });

/**
 * `X-Order-Token`: a guest order's access token (SPEC sections 6 and 8). Optional: a signed-in
 * customer reaches their own orders with the bearer token.
 */
export const OrderToken = (): ParameterDecorator =>
  HeaderParam({
    name: 'X-Order-Token',
    required: false,
    description:
      'A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. ' +
      'An order reached with neither is 404 NOT_FOUND.',
    example: 'Zk3p9QwX2v7LmN4bR8tY1cH6sJ0dF5gA',
  });
