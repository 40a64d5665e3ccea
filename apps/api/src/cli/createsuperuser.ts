import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { DomainError, inTransaction } from '@chance/core';
import { createUserWithProfile, ProfileEntity, UserEntity } from '@chance/identity';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../database.js';

/**
 * `npm run createsuperuser -- --email E --password P [--name N]`, or interactively with prompts
 * (like Django's): creates an admin and their profile in the configured database.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    allowPositionals: false,
  });
  const prompt = values.email && values.password ? undefined : lineReader();
  const email = values.email ?? (await prompt!.ask('E-mail: '));
  const password = values.password ?? (await prompt!.ask('Password: ', true));
  const fullName = values.name ?? (values.email ? 'Administrator' : (await prompt!.ask('Full name [Administrator]: ')) || 'Administrator');
  prompt?.close();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error('that is not an e-mail address');
  if (password.length < 8 || password.length > 128) throw new Error('the password must be 8 to 128 characters long');

  const config = loadConfig();
  const database = await openDatabase(config);
  const dataSource = new DataSource({ type: 'postgres', url: database.url, entities: [UserEntity, ProfileEntity] });
  try {
    await migrate(database.url);
    await dataSource.initialize();
    const user = await inTransaction(dataSource, (manager) => createUserWithProfile(manager, { email, password, fullName, role: 'admin' }));
    console.log(`Superuser ${user.email} created (id ${user.id}).`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

/** Asks questions on the terminal (password not echoed), or reads the answers line by line from a pipe. */
function lineReader() {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  // readline's echo hook (undocumented but stable): silenced while a password is typed
  const output = rl as unknown as { _writeToOutput?: (text: string) => void };
  const echo = output._writeToOutput;
  const hide = (hidden: boolean) => {
    if (process.stdin.isTTY && echo) output._writeToOutput = hidden ? () => undefined : echo;
  };
  return {
    async ask(question: string, hidden = false): Promise<string> {
      process.stdout.write(question);
      hide(hidden);
      const { value, done } = await lines.next();
      hide(false);
      if (hidden && process.stdin.isTTY) process.stdout.write('\n');
      return done ? '' : String(value).trim();
    },
    close: () => rl.close(),
  };
}

main().catch((error: unknown) => {
  const message = error instanceof DomainError ? Object.entries(error.errors ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || error.message : (error as Error).message;
  console.error(`createsuperuser: ${message}`);
  process.exit(1);
});
