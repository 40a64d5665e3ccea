import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../database.js';

/** `npm run migration:run`: applies pending migrations (the API also does this on start). */
const config = loadConfig();
const database = await openDatabase(config);
try {
  const applied = await migrate(database.url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
} finally {
  await database.stop();
}
