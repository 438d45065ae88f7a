import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { parseDatabase } from '../config.js';
import { ConfigError, type Env } from '../config/values.js';
import { openDatabase } from '../store/database.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';
import { ModeratorStore } from './store.js';

export const MODERATORS_USAGE = `Usage: lede-server moderators add NAME      add a moderator; the password is read from standard input
                                           when it is not a terminal (scripts), else asked for twice
       lede-server moderators remove NAME   remove a moderator and end their sessions
       lede-server moderators list          every moderator, with when they were added

The database is the server's: --db FILE (or LEDE_DB), or DATABASE_URL for PostgreSQL.
Names are 1–64 letters, digits, '.', '_', '-' or '@', compared without case; passwords are
${PASSWORD_MIN}–${PASSWORD_MAX} characters.`;

/** Ends the command with a message on stderr and an exit code (2: usage, 1: refused or failed). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** `token` names LEDE_ADMIN_TOKEN's requests in the audit log, so no moderator may be called that. */
export function moderatorName(input: string): string {
  const name = input.trim().toLowerCase();
  if (!/^[a-z0-9@._-]{1,64}$/.test(name)) {
    throw new CommandError(`"${input}" is not a moderator name: use 1–64 letters, digits, '.', '_', '-' or '@'.`, 2);
  }
  if (name === 'token') throw new CommandError('"token" is reserved: it names requests made with LEDE_ADMIN_TOKEN.', 2);
  return name;
}

/** Where the command talks: the process's own streams, or others (tests). */
export interface Terminal {
  stdin: Readable & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };
  stdout: Writable;
  stderr: Writable;
}

/** `lede-server moderators …`: the exit code; messages go to the terminal's streams. */
export async function moderatorsCommand(argv: string[], env: Env, io: Terminal): Promise<number> {
  try {
    const { values, positionals } = parseArguments(argv);
    if (values.help || positionals.length === 0) {
      io.stdout.write(`${MODERATORS_USAGE}\n`);
      return values.help ? 0 : 2;
    }
    const [action, name, ...rest] = positionals;
    if (rest.length > 0 || (action === 'list' ? name !== undefined : !['add', 'remove'].includes(action!) || name === undefined)) {
      throw new CommandError(`cannot read "moderators ${positionals.join(' ')}"; see lede-server moderators --help.`, 2);
    }
    const config = parseDatabase(values.db ?? env.LEDE_DB, env.DATABASE_URL);
    const target = action === 'list' ? '' : moderatorName(name!);
    const password = action === 'add' ? await readPassword(io) : '';
    const database = await openDatabase(config).catch((error: Error) => {
      throw new CommandError(`cannot open the ${config.kind} database: ${error.message}`, 1);
    });
    try {
      const store = new ModeratorStore(database.db);
      if (action === 'list') {
        const moderators = await store.list();
        if (moderators.length === 0) io.stdout.write('No moderators yet; add one with: lede-server moderators add NAME\n');
        for (const { name, createdAt } of moderators) io.stdout.write(`${name}\tadded ${new Date(createdAt).toISOString()}\n`);
      } else if (action === 'add') {
        if (!(await store.add(target, await hashPassword(password), Date.now()))) {
          throw new CommandError(`moderator ${target} already exists; remove it first to set a new password.`, 1);
        }
        io.stdout.write(`Added moderator ${target}; they can sign in at /admin/.\n`);
      } else {
        if (!(await store.remove(target))) throw new CommandError(`there is no moderator ${target}.`, 1);
        io.stdout.write(`Removed moderator ${target} and ended their sessions.\n`);
      }
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CommandError || error instanceof ConfigError)) throw error;
    io.stderr.write(`lede-server moderators: ${error.message}\n`);
    return error instanceof CommandError ? error.exitCode : 2;
  }
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CommandError((error as Error).message, 2);
  }
}

/** From a pipe: all of standard input but its final line break. From a terminal: typed twice, unseen. */
async function readPassword(io: Terminal): Promise<string> {
  let password: string;
  if (io.stdin.isTTY) {
    password = await askUnseen(io, 'Password: ');
    if ((await askUnseen(io, 'Again: ')) !== password) throw new CommandError('the two passwords differ; nothing was changed.', 1);
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(chunk as Buffer);
    password = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new CommandError(`the password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters long (got ${password.length}).`, 1);
  }
  return password;
}

/** Reads one line from the terminal in raw mode, so what is typed is not echoed. */
function askUnseen({ stdin, stderr }: Terminal, prompt: string): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = (result: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      result();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(() => resolve(typed.join('')));
        if (char === '\u0003' || char === '\u0004') return finish(() => reject(new CommandError('cancelled; nothing was changed.', 1)));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed.push(char);
      }
    };
    stdin.on('data', onData);
  });
}
