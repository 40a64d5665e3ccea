import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { DomainError, inTransaction } from '@chance/core';
import { createUserWithProfile, hashPassword, ProfileEntity, UserEntity } from '@chance/identity';
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
    const passwordHash = await hashPassword(password);
    const user = await inTransaction(dataSource, (manager) => createUserWithProfile(manager, { email, passwordHash, fullName, role: 'admin' }));
    console.log(`Superuser ${user.email} created (id ${user.id}).`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

/** Asks questions on the terminal (the password not echoed), or reads the answers line by line from a pipe. */
function lineReader() {
  if (process.stdin.isTTY) return { ask: askOnTerminal, close: () => undefined };
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question: string): Promise<string> {
      process.stdout.write(question);
      const { value, done } = await lines.next();
      return done ? '' : String(value).trim();
    },
    close: () => rl.close(),
  };
}

/** One line typed on the terminal in raw mode, so that a password is not shown. */
function askOnTerminal(question: string, hidden = false): Promise<string> {
  process.stdout.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let value = '';
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      resolve(value.trim());
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') process.exit(130); // Ctrl-C
        if (char === '\u007f' || char === '\b') {
          if (value) {
            value = value.slice(0, -1);
            if (!hidden) process.stdout.write('\b \b');
          }
          continue;
        }
        value += char;
        if (!hidden) process.stdout.write(char);
      }
    };
    stdin.on('data', onData);
  });
}

main().catch((error: unknown) => {
  const message =
    error instanceof DomainError
      ? Object.entries(error.errors ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || error.message
      : (error as Error).message;
  console.error(`createsuperuser: ${message}`);
  process.exit(1);
});
