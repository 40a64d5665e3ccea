// ESLint rule `chance/table-ownership` (docs/architecture.md, "Each library owns its tables").
//
// In a library's source (libs/<lib>/src, tests aside): every SQL text — a template literal, or a
// string that reads as SQL — may name after FROM, JOIN, INTO, UPDATE, TABLE, … only the tables of
// tables.js that <lib> owns; `@Entity('t')` may map only such a table; and no entity class is
// imported from another library. In a migration: every table or view it creates has an owner in
// tables.js. The Nx rule sees imports; this one sees the SQL inside the strings.
import { relative, sep } from 'node:path';
import { EXCEPTIONS, TABLE_OWNERS } from './tables.js';
import { looksLikeSql, tablesCreatedIn, tablesNamedIn, writesRows } from './sql-tables.js';

const GUIDE = 'call the owner’s exported function instead (docs/architecture.md#table-ownership)';

/** The tables `library` may name in `text`: its own, and those an exception grants. */
export function foreignTables(library, text, owners = TABLE_OWNERS, exceptions = EXCEPTIONS) {
  const writes = writesRows(text);
  return tablesNamedIn(text, owners).filter(
    (table) =>
      owners[table] !== library && !exceptions.some((e) => e.library === library && (e.tables === '*' || e.tables.includes(table)) && (!e.read || !writes)),
  );
}

/** The text of a template literal, its expressions replaced by a placeholder. */
const templateText = (node) => node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ? ');

export function placeOf(filename, cwd) {
  const path = relative(cwd, filename).split(sep).join('/');
  const library = /^libs\/([^/]+)\/src\/(?!.*\.spec\.ts$)/.exec(path)?.[1];
  return { library, migration: /^apps\/api\/src\/migrations\/.+\.ts$/.test(path) };
}

export const tableOwnershipRule = {
  meta: {
    type: 'problem',
    docs: { description: 'a library names in SQL, and maps as entities, only the tables it owns' },
    schema: [],
    messages: {
      foreignSql: 'libs/{{library}} names {{tables}} in SQL: {{guide}}.',
      foreignEntity: 'libs/{{library}} maps the table {{table}} ({{owner}}): only the owner maps its tables.',
      importedEntity: 'libs/{{library}} imports {{name}} from {{source}}: another library’s entity is its table; {{guide}}.',
      unownedTable: 'This migration creates {{table}}, which has no owner: add it to tools/table-ownership/tables.js.',
    },
  },
  create(context) {
    const { library, migration } = placeOf(context.filename, context.cwd);
    if (!library && !migration) return {};

    const checkSql = (node, text) => {
      if (migration) {
        for (const table of tablesCreatedIn(text))
          if (!Object.hasOwn(TABLE_OWNERS, table)) context.report({ node, messageId: 'unownedTable', data: { table } });
        return;
      }
      if (!looksLikeSql(text)) return;
      const tables = foreignTables(library, text);
      if (tables.length)
        context.report({
          node,
          messageId: 'foreignSql',
          data: { library, guide: GUIDE, tables: tables.map((t) => `${t} (${TABLE_OWNERS[t]})`).join(', ') },
        });
    };

    return {
      TemplateLiteral: (node) => checkSql(node, templateText(node)),
      Literal: (node) => {
        if (typeof node.value === 'string') checkSql(node, node.value);
      },
      'Decorator > CallExpression[callee.name=/^(Entity|ViewEntity)$/]'(node) {
        if (!library) return;
        const [first] = node.arguments;
        const table = first?.type === 'Literal' ? first.value : first?.properties?.find((p) => p.key?.name === 'name')?.value?.value;
        if (typeof table === 'string' && TABLE_OWNERS[table] !== library)
          context.report({
            node,
            messageId: 'foreignEntity',
            data: { library, table, owner: TABLE_OWNERS[table] ? `owned by ${TABLE_OWNERS[table]}` : 'not in tools/table-ownership/tables.js' },
          });
      },
      ImportDeclaration(node) {
        if (!library) return;
        const source = node.source.value;
        const other = /^@chance\/([a-z-]+)/.exec(source)?.[1];
        if (!other || other === library) return;
        for (const specifier of node.specifiers) {
          const name = specifier.imported?.name;
          if (name && /(Entity|_ENTITIES)$/.test(name))
            context.report({ node: specifier, messageId: 'importedEntity', data: { library, name, source, guide: GUIDE } });
        }
      },
    };
  },
};

export default { rules: { 'table-ownership': tableOwnershipRule } };
