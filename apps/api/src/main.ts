import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { migrate, openDatabase } from './database.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, then the API and the admin SPA. */
async function main(): Promise<void> {
  const logger = new Logger('Main');
  const config = loadConfig();
  const database = await openDatabase(config, {
    owner: true,
    log: (line) => {
      if (/FATAL|PANIC/.test(line)) logger.warn(`postgres: ${line}`);
    },
  });
  const applied = await migrate(database.url);
  if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);
  const app = await createApp(config, database.url);
  await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
  logger.log(`Chance Store listening on http://localhost:${config.port} (API /api, docs /api/docs, admin /)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    await app.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
