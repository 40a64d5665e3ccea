import { FileRowsRefused, validationFailed } from './domain-error.js';
import { CHECKED_FIELD_MESSAGE, ERROR_BODY_LIMITS, checkedField, toErrorResponse } from './error-body.js';

describe('toErrorResponse', () => {
  it('keeps a map of field errors as a map, at most the limit of fields', () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, 'is wrong']));
    const { body } = toErrorResponse(validationFailed(many));
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.errors!)).toHaveLength(ERROR_BODY_LIMITS.fields);
    expect(body.message).toBe('Validation failed (showing 50 of 60 fields)');
  });

  it('keeps a list of rows’ problems (a file import) as that list, in order, each clipped', () => {
    const rows = [
      { row: 2, column: 'price', message: 'must be a whole number of minor units (1999 for 19.99)' },
      { row: 7, column: null, message: 'has 4 cells where the header has 5' },
      { row: 9, column: 'x'.repeat(300), message: 'y'.repeat(600) },
    ];
    const { body } = toErrorResponse(new FileRowsRefused('3 problems in the file: nothing was imported', rows));
    expect(body.statusCode).toBe(400);
    expect(body.errors).toEqual([
      rows[0],
      rows[1],
      { row: 9, column: `${'x'.repeat(ERROR_BODY_LIMITS.fieldName - 1)}…`, message: `${'y'.repeat(ERROR_BODY_LIMITS.message - 1)}…` },
    ]);
  });

  it('lists at most the limit of rows', () => {
    const rows = Array.from({ length: ERROR_BODY_LIMITS.rows + 5 }, (_, i) => ({ row: i + 2, column: 'sku', message: 'is required' }));
    const { body } = toErrorResponse(new FileRowsRefused('problems', rows));
    expect(body.errors).toHaveLength(ERROR_BODY_LIMITS.rows);
    expect((body.errors as { row: number }[])[0].row).toBe(2);
  });

  describe('a broken CHECK constraint', () => {
    // TypeORM's QueryFailedError carries the driver's error, with the table and constraint PostgreSQL names
    const checkViolation = (table: string, constraint: string) =>
      Object.assign(new Error(`new row for relation "${table}" violates check constraint "${constraint}"`), {
        code: '23514',
        driverError: { code: '23514', table, constraint },
      });

    it('of a column is a 400 with a message under that column’s field, camelCased', () => {
      const { body, unexpected } = toErrorResponse(checkViolation('categories', 'categories_name_check'));
      expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', errors: { name: CHECKED_FIELD_MESSAGE } });
      expect(unexpected).toBe(false);
      expect(toErrorResponse(checkViolation('offline_customers', 'offline_customers_low_stock_threshold_check')).body.errors).toEqual({
        lowStockThreshold: CHECKED_FIELD_MESSAGE,
      });
    });

    it('across columns (a rule named otherwise) is a 400 without field errors, logged as unexpected', () => {
      const { body, unexpected } = toErrorResponse(checkViolation('orders', 'orders_paid_within_total'));
      expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(body.errors).toBeUndefined();
      expect(unexpected).toBe(true);
    });

    it('finds the field only when the constraint is named after its own table', () => {
      expect(checkedField({ table: 'products', constraint: 'products_cost_price_check' })).toBe('costPrice');
      expect(checkedField({ driverError: { table: 'variants', constraint: 'variants_stock_not_negative' } })).toBeUndefined();
      expect(checkedField({ table: 'products', constraint: 'categories_name_check' })).toBeUndefined();
      expect(checkedField({ constraint: 'categories_name_check' })).toBeUndefined();
      expect(checkedField(undefined)).toBeUndefined();
    });
  });
});
