/** @jest-config-loader esbuild-register */
// One jest run for the whole repository: unit tests beside the code (libs/*/src/**/*.spec.ts)
// and the e2e tests of the API (apps/api/test/*.e2e-spec.ts) and of the typed client against it
// (libs/client/test/*.e2e-spec.ts), as native ES modules (NestJS 12 is ESM-only).
import type { Config } from 'jest';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const REQUIRED_ESM = ['content-disposition'];

const config: Config = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  // Node 20's require(esm) is not available inside jest: the few ESM-only packages that CommonJS
  // dependencies require (content-disposition, under @fastify/static) are compiled to CommonJS.
  transform: {
    '^.+\\.ts$': swc as never,
    [`node_modules/(${REQUIRED_ESM.join('|')})/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' } }] as never,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${REQUIRED_ESM.join('|')})/)`],
  moduleNameMapper: {
    '^@chance/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing/index.ts',
    '^@chance/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    // a library's pure module, by its path (`@chance/core/money`): what the browser SPA imports too
    '^@chance/([a-z-]+)/([a-z-/]+)$': '<rootDir>/libs/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: [
    '<rootDir>/libs/*/src/**/*.spec.ts',
    '<rootDir>/tools/**/*.spec.ts',
    '<rootDir>/apps/api/test/**/*.e2e-spec.ts',
    '<rootDir>/libs/*/test/**/*.e2e-spec.ts',
  ],
  globalSetup: '<rootDir>/apps/api/test/global-setup.js',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.js',
  testTimeout: 180_000,
  maxWorkers: 2,
};

export default config;
