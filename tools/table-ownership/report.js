// `node tools/table-ownership/report.js`: the library sources' SQL statements that name another
// library's table (and entity mappings or imports of another's table), counted per library. The
// same findings fail `npm run lint`; this prints them as numbers (docs/architecture.md#table-ownership).
import { ESLint } from 'eslint';

const eslint = new ESLint({ ruleFilter: ({ ruleId }) => ruleId === 'chance/table-ownership' });
const results = await eslint.lintFiles(['libs/*/src/**/*.ts', 'apps/api/src/migrations/*.ts']);
const findings = results.flatMap((r) =>
  r.messages
    .filter((m) => m.ruleId === 'chance/table-ownership')
    .map((m) => ({ file: r.filePath.slice(process.cwd().length + 1), line: m.line, message: m.message })),
);
const perLibrary = {};
for (const f of findings) {
  const key = `${f.file.split('/')[1]} ${/ in SQL/.test(f.message) ? 'sql' : 'entity'}`;
  perLibrary[key] = (perLibrary[key] ?? 0) + 1;
}
for (const f of findings) console.log(`${f.file}:${f.line}  ${f.message}`);
console.log(perLibrary);
console.log(
  `cross-library SQL statements: ${findings.filter((f) => / in SQL/.test(f.message)).length}; other findings: ${findings.filter((f) => !/ in SQL/.test(f.message)).length}`,
);
process.exitCode = findings.length ? 1 : 0;
