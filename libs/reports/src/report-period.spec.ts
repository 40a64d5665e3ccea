import { DomainError } from '@chance/core';
import { periodLabels, reportPeriod } from './report-period.js';

describe('reportPeriod', () => {
  it('reads inclusive UTC dates', () => {
    const p = reportPeriod({ from: '2026-11-01', to: '2026-11-25', groupBy: 'month' });
    expect(p.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(reportPeriod({ from: '2026-11-01', to: '2026-11-01' }).groupBy).toBe('day');
  });
  it.each([
    [{ to: '2026-11-25' }, 'from'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '2026-11-25', to: '2026-11-01' }, 'to'],
    [{ from: '2026-11-01', to: '2026-11-25', groupBy: 'week' }, 'groupBy'],
    [{ from: '2000-01-01', to: '2026-11-25' }, 'to'],
    [{ from: '2026-11-01', to: '2026-11-25', extra: 1 }, 'extra'],
    [{ from: '1899-12-31', to: '1900-01-05' }, 'from'],
    [{ from: '9999-12-01', to: '10000-01-01' }, 'to'],
    [{ from: '1900-01-01', to: '9999-12-31', groupBy: 'month' }, 'to'],
  ])('refuses %j on %s', (query, field) => {
    try {
      reportPeriod(query);
      throw new Error('accepted');
    } catch (e) {
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
      expect(Object.keys((e as DomainError).errors ?? {})).toContain(field);
    }
  });
});

describe('periodLabels', () => {
  it('reaches the last day of 9999', () => {
    const labels = periodLabels(reportPeriod({ from: '9999-12-30', to: '9999-12-31' }));
    expect(labels).toEqual(['9999-12-30', '9999-12-31']);
    expect(periodLabels(reportPeriod({ from: '9990-01-01', to: '9999-12-31', groupBy: 'month' }))).toHaveLength(120);
  });
  it('lists every day, both ends included', () => {
    expect(periodLabels(reportPeriod({ from: '2026-02-27', to: '2026-03-02' }))).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
  it('lists every month touched', () => {
    expect(periodLabels(reportPeriod({ from: '2026-11-15', to: '2027-01-03', groupBy: 'month' }))).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
