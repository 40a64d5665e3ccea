// Finds the tables an SQL text names, for the table-ownership lint rule.

/** Text that reads as SQL: an SQL keyword in capitals (the house style writes SQL keywords in capitals). */
const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|WHERE|VALUES|RETURNING|TRUNCATE|ALTER|CREATE|DROP|LOCK)\b/;
/** A statement that changes rows or schema. */
const WRITE_WORDS = /\b(INSERT|UPDATE|DELETE|TRUNCATE|ALTER|CREATE|DROP|MERGE|COPY)\b/i;

// keywords after which a table name follows
const BEFORE_TABLE = String.raw`\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|REFERENCES|VIEW|USING|COPY|LOCK)\s+(?:ONLY\s+|TABLE\s+|IF\s+(?:NOT\s+)?EXISTS\s+)*`;
const NAME = String.raw`(?:public\.)?"?([a-z_][a-z0-9_]*)"?`;
// `FROM a x, b y`: the names after commas of a FROM list
const LIST_TAIL = String.raw`(?:\s+(?:AS\s+)?(?!(?:WHERE|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|ON|GROUP|ORDER|LIMIT|FOR|WINDOW|HAVING|UNION|SET|RETURNING|USING|NATURAL|LATERAL)\b)[a-z_][a-z0-9_]*)?`;

export const looksLikeSql = (text) => SQL_WORDS.test(text);
export const writesRows = (text) => WRITE_WORDS.test(text);

/**
 * The known table names `text` names after FROM, JOIN, INTO, UPDATE, TABLE, REFERENCES, …
 * (whole words, any case, `public.` or quotes allowed), including every name of a `FROM a, b` list.
 */
export function tablesNamedIn(text, knownTables) {
  const found = new Set();
  const pattern = new RegExp(`${BEFORE_TABLE}${NAME}`, 'gi');
  for (const match of text.matchAll(pattern)) {
    const names = [match[1]];
    // the rest of a comma-separated FROM list
    const list = new RegExp(`^${LIST_TAIL}\\s*,\\s*${NAME}`, 'i');
    let rest = text.slice(match.index + match[0].length);
    for (let more = list.exec(rest); more; more = list.exec(rest)) {
      names.push(more[1]);
      rest = rest.slice(more[0].length);
    }
    for (const name of names) if (Object.hasOwn(knownTables, name.toLowerCase())) found.add(name.toLowerCase());
  }
  return [...found];
}

/** `CREATE TABLE x` / `CREATE VIEW x` / `CREATE MATERIALIZED VIEW x` names in a migration's SQL. */
export function tablesCreatedIn(text) {
  const pattern =
    /\bCREATE\s+(?:UNLOGGED\s+|TEMPORARY\s+|TEMP\s+|OR\s+REPLACE\s+)?(?:TABLE|VIEW|MATERIALIZED\s+VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/gi;
  return [...text.matchAll(pattern)].map((m) => m[1].toLowerCase());
}
