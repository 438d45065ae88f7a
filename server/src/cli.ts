#!/usr/bin/env node
import { buildApp } from './app.js';
import { moderatorsCommand } from './auth/cli.js';
import { ModeratorStore } from './auth/store.js';
import { ConfigError, parseConfig, USAGE, type Config } from './config.js';
import { openDatabase } from './store/database.js';

/** Prints one line and exits: what a misconfigured start-up looks like. */
function fail(message: string, exitCode: number): never {
  process.stderr.write(`lede-server: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'moderators') {
    process.exitCode = await moderatorsCommand(argv.slice(1), process.env, process);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let config: Config;
  try {
    config = parseConfig(argv, process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }

  const database = await openDatabase(config.database).catch((error: Error) => fail(`cannot open the ${config.database.kind} database: ${error.message}`, 1));
  const app = await buildApp(config, database);
  if (!config.adminToken && !(await new ModeratorStore(database.db).any())) {
    app.log.warn('Moderation is off: add a moderator with `lede-server moderators add NAME` (or set LEDE_ADMIN_TOKEN for scripts).');
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    fail(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`, 1);
  }
}

await main();
