import { replicaFault } from './replica.js';

describe('replicaFault: whether the primary should answer a read the replica failed', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a connection ended under the query', new Error('Connection terminated unexpectedly')],
    ['the replica shutting down', { driverError: { code: '57P01' } }],
    ['a connection exception', { driverError: { code: '08006' } }],
    ['a query cancelled by WAL replay', { driverError: { code: '40001' } }],
  ])('yes for %s', (_what, error) => expect(replicaFault(error)).toBe(true));

  it.each([
    ['a syntax error', { driverError: { code: '42601' } }],
    ['bad input', { driverError: { code: '22P02' } }],
    ['a missing table', { code: '42P01' }],
  ])('no for %s: the primary would fail the same way', (_what, error) => expect(replicaFault(error)).toBe(false));
});
