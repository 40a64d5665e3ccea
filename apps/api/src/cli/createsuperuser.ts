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
  const prompt = values.email && values.password ? undefined : createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const ask = async (question: string): Promise<string> => (await prompt!.question(question)).trim();
  const email = values.email ?? (await ask('E-mail: '));
  const password = values.password ?? (await askHidden(prompt!, 'Password: '));
  const fullName = values.name ?? (values.email ? 'Administrator' : (await ask('Full name [Administrator]: ')) || 'Administrator');
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

async function askHidden(prompt: ReturnType<typeof createInterface>, question: string): Promise<string> {
  if (!process.stdin.isTTY) return (await prompt.question(question)).trim();
  const output = process.stdout;
  const write = output.write.bind(output);
  let muted = false;
  (output as { write: unknown }).write = (chunk: string, ...rest: unknown[]) => (muted ? true : write(chunk, ...(rest as [])));
  const answer = prompt.question(question);
  muted = true;
  const value = await answer;
  muted = false;
  (output as { write: unknown }).write = write;
  output.write('\n');
  return value.trim();
}

main().catch((error: unknown) => {
  const message = error instanceof DomainError ? Object.entries(error.errors ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || error.message : (error as Error).message;
  console.error(`createsuperuser: ${message}`);
  process.exit(1);
});
