// The revenue charts' money axis (the dashboard and the sales report).
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { axisMoney } from './moneyAxis';

describe('the revenue charts', () => {
  test('chart axes show money without cents when whole', () => {
    assert.equal(axisMoney(4500, 'USD').replace(/\s/g, ''), '$45');
    assert.equal(axisMoney(1250, 'USD').replace(/\s/g, ''), '$12.50');
  });
});
