// Lint = the architecture's rules: libraries talk only through their index.ts (the @chance/<lib>
// aliases), in the allowed directions, without cycles (Nx module boundaries).
import { dirname, relative } from 'node:path';
import nx from '@nx/eslint-plugin';
import tableOwnership from './tools/table-ownership/eslint-rule.js';

// The pure modules of the libraries that the browser SPA imports (the "paths" of apps/admin/tsconfig.json,
// also named in tsconfig.base.json so that Nx sees the admin → library edges): the money, totals and
// settlement rules of libs/core and the refund amounts of libs/returns, the code the API runs. The SPA
// may import these and no other @chance/* module (the rest is NestJS, TypeORM and pg). They, and the
// files they import in turn, import nothing but each other (within a library by relative path, across
// libraries by these names), so no server code reaches the bundle: a new import there must be pure and
// listed here.
const spaModules = {
  '@chance/core/money': 'libs/core/src/money.ts',
  '@chance/core/pricing/totals': 'libs/core/src/pricing/totals.ts',
  '@chance/core/pricing/settlement': 'libs/core/src/pricing/settlement.ts',
  '@chance/returns/refund-amounts': 'libs/returns/src/refund-amounts.ts',
};
const spaFiles = [...Object.values(spaModules), 'libs/core/src/errors/domain-error.ts', 'libs/core/src/errors/error-codes.ts'];
const libraryOf = (file) => file.split('/')[1];
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const relativeImport = (from, to) => {
  const path = relative(dirname(from), to).replace(/\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
};
/** What a pure file may import: the other pure files of its library (relative), those of other libraries (by name). */
const pureImportsOf = (file) => [
  ...spaFiles.filter((other) => other !== file && libraryOf(other) === libraryOf(file)).map((other) => relativeImport(file, other)),
  ...Object.entries(spaModules)
    .filter(([, other]) => libraryOf(other) !== libraryOf(file))
    .map(([name]) => name),
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/.nx', 'tmp', 'apps/admin-e2e/screenshots'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@chance/core/testing'],
          banTransitiveDependencies: false,
          checkDynamicDependenciesExceptions: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            // The browser SPA: of the libraries only core's and returns' pure modules (below).
            { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['scope:core', 'scope:returns'] },
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: [] },
            // the typed store client runs in browsers: no server library
            { sourceTag: 'scope:client', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:settings', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity'] },
            { sourceTag: 'scope:catalog', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings'] },
            { sourceTag: 'scope:coupons', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity'] },
            { sourceTag: 'scope:cart', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:catalog', 'scope:coupons'] },
            { sourceTag: 'scope:purchasing', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:catalog'] },
            {
              sourceTag: 'scope:offline-sales',
              onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:catalog', 'scope:coupons'],
            },
            // a booking is for an account or an in-store customer, and is taxed at the store's rate
            { sourceTag: 'scope:services', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:offline-sales'] },
            // notifications ask cart who holds a product (its audience "cart-holders")
            { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:cart'] },
            { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity'] },
            { sourceTag: 'scope:reports', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings'] },
            // orders and bookings raise events that invoices follow: invoices depend on them, never the other way
            {
              sourceTag: 'scope:orders',
              onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:catalog', 'scope:coupons', 'scope:cart'],
            },
            { sourceTag: 'scope:invoices', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:orders', 'scope:services'] },
            // integrations read the records they send (as the admin API shows them) through their owners' exported services;
            // nothing depends on them: they follow the outbox
            {
              sourceTag: 'scope:webhooks',
              onlyDependOnLibsWithTags: [
                'scope:core',
                'scope:identity',
                'scope:catalog',
                'scope:orders',
                'scope:purchasing',
                'scope:offline-sales',
                'scope:services',
                'scope:returns',
              ],
            },
            // refunds and returns give money and goods back on orders, in-store sales and bookings: they depend on those, never the other way
            // (cancellations reach them as in-transaction events; credit notes follow their refund.succeeded in libs/invoices)
            {
              sourceTag: 'scope:returns',
              onlyDependOnLibsWithTags: [
                'scope:core',
                'scope:identity',
                'scope:settings',
                'scope:catalog',
                'scope:orders',
                'scope:offline-sales',
                'scope:services',
              ],
            },
            {
              sourceTag: 'scope:mail',
              onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:orders', 'scope:invoices', 'scope:services', 'scope:returns'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Transactions you cannot leave by accident (docs/architecture.md, "Transactions"): a method runs
    // either in its caller's transaction, taking its EntityManager as a required parameter, or on its
    // own; never "in the caller's transaction if they remember to pass it".
    files: ['libs/**/*.ts', 'apps/api/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentPattern[left.name='manager'], AssignmentPattern[right.type='MemberExpression'][right.property.name='manager']",
          message: 'An EntityManager parameter is required, never defaulted: a caller that forgets it would silently run outside its transaction.',
        },
        {
          selector: "Identifier[name='manager'][optional=true]",
          message: 'An EntityManager parameter is required, never optional: a caller that forgets it would silently run outside its transaction.',
        },
      ],
    },
  },
  {
    // Each library owns its tables (docs/architecture.md#table-ownership): its SQL and entities name
    // only the tables tools/table-ownership/tables.js gives it; migrations give every new table an owner.
    files: ['libs/*/src/**/*.ts', 'apps/api/src/migrations/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { chance: tableOwnership },
    rules: { 'chance/table-ownership': 'error' },
  },
  {
    files: ['apps/admin/**/*.ts', 'apps/admin/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // every create and edit form warns before unsaved changes are lost: its layout comes from apps/admin/src/forms
          paths: [
            {
              name: 'react-admin',
              importNames: ['SimpleForm', 'TabbedForm'],
              message: 'Import SimpleForm from the SPA’s forms folder (apps/admin/src/forms): it warns before unsaved changes are lost.',
            },
          ],
          patterns: [
            {
              regex: `^@chance/(?!(${Object.keys(spaModules)
                .map((name) => escapeRegex(name.slice('@chance/'.length)))
                .join('|')})$)`,
              message: `The SPA runs in the browser: of the libraries it imports only the pure modules ${Object.keys(spaModules).join(', ')}.`,
            },
          ],
        },
      ],
    },
  },
  ...spaFiles.map((file) => ({
    files: [file],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!(${pureImportsOf(file).map(escapeRegex).join('|')})$)`,
              message: `The admin SPA bundles this module: it may import only the other pure modules (${spaFiles.join(', ')}).`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-function': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
