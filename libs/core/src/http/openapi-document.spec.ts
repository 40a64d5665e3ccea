import { mergeHeaderParameters } from './openapi-document.js';

describe('mergeHeaderParameters', () => {
  it('keeps one parameter per header name, case-insensitively, the documented one', () => {
    const document = {
      paths: {
        '/api/store/carts/{id}': {
          get: {
            parameters: [
              { name: 'id', in: 'path', required: true },
              { name: 'x-cart-token', in: 'header', required: true },
              { name: 'X-Cart-Token', in: 'header', required: false, description: 'A guest cart’s token' },
              { name: 'Idempotency-Key', in: 'header', required: true, description: 'key' },
            ],
          },
        },
      },
    };
    expect(mergeHeaderParameters(document).paths['/api/store/carts/{id}'].get.parameters).toEqual([
      { name: 'id', in: 'path', required: true },
      { name: 'X-Cart-Token', in: 'header', required: false, description: 'A guest cart’s token' },
      { name: 'Idempotency-Key', in: 'header', required: true, description: 'key' },
    ]);
  });

  it('leaves query and path parameters of the same name alone, and operations without parameters', () => {
    const document = {
      paths: {
        '/a': {
          get: {
            parameters: [
              { name: 'token', in: 'query' },
              { name: 'token', in: 'header', description: 'h' },
            ],
          },
          post: { responses: {} },
        },
      },
    };
    expect(mergeHeaderParameters(document).paths['/a'].get.parameters).toHaveLength(2);
    expect(document.paths['/a'].post).toEqual({ responses: {} });
  });
});
