/**
 * Tidies the generated OpenAPI document for clients.
 *
 * `@Headers('x-cart-token')` makes @nestjs/swagger document a required header of that lowercase
 * name beside the `@ApiHeader({ name: 'X-Cart-Token', required: false })` that describes it, so a
 * typed client had to send `x-cart-token` on every cart call, even a signed-in customer with no
 * guest cart. HTTP header names are case-insensitive: one parameter per name is kept, the
 * documented one (the one with a description) winning.
 */
interface Parameter {
  name: string;
  in: string;
  description?: string;
}

export function mergeHeaderParameters<T extends { paths: object }>(document: T): T {
  for (const methods of Object.values(document.paths) as object[]) {
    for (const operation of Object.values(methods ?? {}) as unknown[]) {
      const parameters = (operation as { parameters?: Parameter[] }).parameters;
      if (!Array.isArray(parameters)) continue;
      const kept = new Map<string, Parameter>();
      const merged: Parameter[] = [];
      for (const parameter of parameters) {
        if (parameter.in !== 'header') {
          merged.push(parameter);
          continue;
        }
        const key = parameter.name.toLowerCase();
        const before = kept.get(key);
        if (!before) {
          kept.set(key, parameter);
          merged.push(parameter);
        } else if (!before.description && parameter.description) {
          kept.set(key, parameter);
          merged[merged.indexOf(before)] = parameter;
        }
      }
      (operation as { parameters?: Parameter[] }).parameters = merged;
    }
  }
  return document;
}
