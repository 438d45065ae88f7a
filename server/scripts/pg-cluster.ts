/**
 * A throwaway PostgreSQL cluster for tests and CI: initdb into a temp directory, start on a
 * free loopback port with its socket in that directory, create a database, hand back a URL.
 * Postgres refuses to run as root, so as root the cluster runs as the `postgres` user.
 *
 *   node --import tsx server/scripts/pg-cluster.ts check   # exit 0 if a cluster starts
 *
 * With TEST_DATABASE_URL set, that server is used instead and nothing is started.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  url: string;
  stop(): void;
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  if (versions.length === 0) {
    throw new Error('no PostgreSQL found (apt-get install postgresql, or set TEST_DATABASE_URL)');
  }
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

type User = { uid: number; gid: number; name: string } | null;

/** The command line for a Postgres binary, run as the `postgres` user when we are root. */
function asUser(user: User, command: string, args: string[]): [string, string[]] {
  return user ? ['runuser', ['-u', user.name, '--', command, ...args]] : [command, args];
}

function run(user: User, command: string, args: string[]): void {
  const result = spawnSync(...asUser(user, command, args), { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command.split('/').at(-1)} failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
  }
}

function postgresUser(): User {
  if (userInfo().uid !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g'), name: 'postgres' };
}

export async function startPostgres(): Promise<PostgresServer> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => {} };
  const bin = postgresBinDir();
  const user = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'lede-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const stop = () => {
    spawnSync(...asUser(user, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate']), { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(user, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // fsync off: the cluster is thrown away, and the tests kill servers, not machines.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
    run(user, join(bin, 'pg_ctl'), ['start', '-D', data, '-w', '-s', '-l', join(dir, 'log'), '-o', options]);
    process.once('exit', stop);

    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    await admin.query('create database lede_test');
    await admin.end();
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/lede_test`, stop };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'check') {
  try {
    const server = await startPostgres();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    await client.end();
    server.stop();
    console.log(`PostgreSQL ${rows[0]!.server_version} is available for the server tests.`);
  } catch (error) {
    console.error(`PostgreSQL is not available: ${(error as Error).message}`);
    process.exit(1);
  }
}
