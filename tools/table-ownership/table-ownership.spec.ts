import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { foreignTables, tableOwnershipRule } from './eslint-rule.js';
import { TABLE_OWNERS } from './tables.js';
import { tablesCreatedIn, tablesNamedIn } from './sql-tables.js';

describe('finding the tables an SQL text names', () => {
  it('reads the name after FROM, JOIN, INTO, UPDATE, TABLE and REFERENCES, whole words only', () => {
    expect(tablesNamedIn('SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id', TABLE_OWNERS).sort()).toEqual(['products', 'variants']);
    expect(tablesNamedIn('INSERT INTO cart_items (cart_id) VALUES ($1)', TABLE_OWNERS)).toEqual(['cart_items']);
    expect(tablesNamedIn("UPDATE carts SET status = 'checked_out'", TABLE_OWNERS)).toEqual(['carts']);
    expect(tablesNamedIn('DELETE FROM idempotency_keys WHERE true', TABLE_OWNERS)).toEqual(['idempotency_keys']);
    expect(tablesNamedIn('TRUNCATE TABLE users', TABLE_OWNERS)).toEqual(['users']);
    expect(tablesNamedIn('SELECT 1 FROM public."users"', TABLE_OWNERS)).toEqual(['users']);
    // not a table: a column, a longer name that starts with a table's
    expect(tablesNamedIn("SELECT users_count, 'orders' FROM order_lines_x WHERE x = 1", TABLE_OWNERS)).toEqual([]);
    expect(tablesNamedIn('LOCK TABLE ONLY carts IN SHARE MODE', TABLE_OWNERS)).toEqual(['carts']);
    expect(tablesNamedIn('SELECT x FROM orders_archive', TABLE_OWNERS)).toEqual([]);
  });

  it('reads every name of a FROM list, aliases or not', () => {
    expect(tablesNamedIn('SELECT 1 FROM orders o, users u, carts WHERE o.id = 1', TABLE_OWNERS).sort()).toEqual(['carts', 'orders', 'users']);
    expect(tablesNamedIn('SELECT 1 FROM orders AS o, payments p WHERE true', TABLE_OWNERS).sort()).toEqual(['orders', 'payments']);
  });

  it('reads the tables a migration creates', () => {
    expect(tablesCreatedIn('CREATE TABLE refunds (id int); CREATE VIEW revenue_by_day AS SELECT 1; CREATE TABLE IF NOT EXISTS webhooks ()')).toEqual([
      'refunds',
      'revenue_by_day',
      'webhooks',
    ]);
  });

  it('knows exactly the tables and views the migrations create, each owned by a library', () => {
    const migrations = join(process.cwd(), 'apps/api/src/migrations');
    const created = readdirSync(migrations)
      .filter((file) => /^\d+-.+\.ts$/.test(file))
      .flatMap((file) => tablesCreatedIn(readFileSync(join(migrations, file), 'utf8')));
    expect([...new Set(created)].sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
    const libraries = readdirSync(join(process.cwd(), 'libs'));
    for (const owner of new Set(Object.values(TABLE_OWNERS))) expect(libraries).toContain(owner);
  });
});

describe('which tables a library may name', () => {
  it('its own only', () => {
    expect(foreignTables('orders', 'SELECT 1 FROM orders JOIN order_lines l ON true')).toEqual([]);
    expect(foreignTables('orders', 'SELECT email FROM users WHERE id = $1')).toEqual(['users']);
  });

  it('reports may read any table, and write none but their own', () => {
    expect(foreignTables('reports', 'SELECT count(*) FROM orders JOIN invoices i ON true')).toEqual([]);
    expect(foreignTables('reports', 'INSERT INTO revenue_days SELECT * FROM orders')).toEqual(['orders']);
    expect(foreignTables('reports', 'UPDATE orders SET total = 0')).toEqual(['orders']);
  });
});

// The lint rule itself, on code as it would be written: each invalid case is a violation `npm run lint` refuses.
RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never, ecmaVersion: 2022, sourceType: 'module' } });
const root = process.cwd();
const inLibrary = (library: string, file = 'x.service.ts') => join(root, 'libs', library, 'src', file);

tester.run('chance/table-ownership', tableOwnershipRule as never, {
  valid: [
    { filename: inLibrary('orders'), code: "await manager.query('SELECT id FROM orders WHERE id = $1', [id]);" },
    { filename: inLibrary('catalog'), code: 'const sql = `UPDATE variants v SET stock = v.stock + $2 FROM products p WHERE ${condition}`;' },
    { filename: inLibrary('orders'), code: "throw new Error('no products from orders here');" }, // prose, not SQL
    { filename: inLibrary('orders', 'order.entities.ts'), code: "@Entity('orders') class OrderEntity {}" },
    { filename: inLibrary('cart'), code: "import { couponsByIds, type Coupon } from '@chance/coupons';" },
    { filename: inLibrary('reports'), code: "await db.query('SELECT count(*) FROM orders o JOIN invoices i ON i.order_id = o.id');" },
    // tests and the composition root are not libraries' code
    { filename: inLibrary('orders', 'checkout.spec.ts'), code: "await db.query('SELECT 1 FROM users');" },
    { filename: join(root, 'apps/api/src/cli/seed.ts'), code: "await db.query('SELECT 1 FROM users');" },
    { filename: join(root, 'apps/api/src/migrations/1765100700000-x.ts'), code: 'await db.query(`CREATE TABLE orders (id int)`);' },
  ],
  invalid: [
    {
      filename: inLibrary('orders'),
      code: "await manager.query('SELECT email FROM users WHERE id = $1', [customerId]);",
      errors: [{ message: /libs\/orders names users \(identity\) in SQL/ }],
    },
    {
      filename: inLibrary('purchasing'),
      code: "await manager.query(`UPDATE variants SET cost_price = ${'$'}2 WHERE id = $1`, [id, cost]);",
      errors: [{ message: /libs\/purchasing names variants \(catalog\)/ }],
    },
    {
      filename: inLibrary('notifications'),
      code: 'const sql = `SELECT c.customer_id FROM cart_items ci JOIN carts c ON c.id = ci.cart_id JOIN ${x} v ON true`;',
      errors: [{ message: /names cart_items \(cart\), carts \(cart\)/ }],
    },
    {
      filename: inLibrary('reports'),
      code: "await db.query('UPDATE orders SET total = 0');",
      errors: [{ message: /libs\/reports names orders \(orders\)/ }],
    },
    {
      filename: inLibrary('cart'),
      code: "@Entity('coupons') class Mine {}",
      errors: [{ message: /libs\/cart maps the table coupons \(owned by coupons\)/ }],
    },
    {
      filename: inLibrary('cart'),
      code: "import { CouponEntity } from '@chance/coupons';",
      errors: [{ message: /libs\/cart imports CouponEntity from @chance\/coupons/ }],
    },
    {
      filename: join(root, 'apps/api/src/migrations/1765100700000-x.ts'),
      code: 'await db.query(`CREATE TABLE nobody_owns_me (id int)`);',
      errors: [{ message: /creates nobody_owns_me, which has no owner/ }],
    },
  ],
});
