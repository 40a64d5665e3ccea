// Lint = the architecture's rules: libraries talk only through their index.ts (the @chance/<lib>
// aliases), in the allowed directions, without cycles (Nx module boundaries).
import nx from '@nx/eslint-plugin';

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
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:settings', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity'] },
            { sourceTag: 'scope:catalog', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings'] },
            { sourceTag: 'scope:coupons', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity'] },
            { sourceTag: 'scope:cart', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:catalog', 'scope:coupons'] },
            { sourceTag: 'scope:purchasing', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:catalog'] },
            { sourceTag: 'scope:offline-sales', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:catalog'] },
            { sourceTag: 'scope:services', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity'] },
            { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity'] },
            { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity'] },
            { sourceTag: 'scope:reports', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings'] },
            { sourceTag: 'scope:invoices', onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings'] },
            {
              sourceTag: 'scope:orders',
              onlyDependOnLibsWithTags: ['scope:core', 'scope:identity', 'scope:settings', 'scope:catalog', 'scope:coupons', 'scope:cart', 'scope:invoices'],
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
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-function': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
