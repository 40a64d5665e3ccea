import { actionOf } from './audit.js';

describe('actionOf', () => {
  it.each([
    ['POST', '/api/admin/products', 'create'],
    ['PUT', '/api/admin/products/:id', 'update'],
    ['DELETE', '/api/admin/products/:id', 'delete'],
    ['POST', '/api/admin/purchases/:id/receive', 'receive'],
    ['POST', '/api/admin/orders/:id/mark-paid', 'mark-paid'],
    ['POST', '/api/admin/stock-adjustments', 'create'],
    ['POST', '/api/admin/orders/bulk-status', 'status'],
    ['POST', '/api/admin/products/bulk-update', 'update'],
  ])('%s %s is %s', (method, route, action) => expect(actionOf(method, route)).toBe(action));
});
