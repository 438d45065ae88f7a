import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/app.js';
import { moderatorsCommand } from '../../src/auth/cli.js';
import { openDatabase } from '../../src/store/database.js';
import { Api, freshDatabase, testConfig, type Backend } from '../helpers.js';
import { cookieOf, PASSWORD, signIn } from './auth.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** Runs the real `lede-server moderators …` with `input` on a piped (not terminal) standard input. */
function moderators(args: string[], env: Record<string, string>, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _url, LEDE_DB: _db, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', TSX, CLI, 'moderators', ...args], { env: { ...inherited, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The console served at /admin/, from a directory of the test's own (a placeholder, not the real element). */
async function consoleApp(backend: Backend, dir: string): Promise<Api> {
  const app = await buildApp(testConfig(backend.config), backend.database, { logTo: false, consoleDir: dir });
  after(() => app.close());
  return new Api(app);
}

/** `lede-server moderators` and the console page. */
export function consoleSuite(backend: Backend): void {
  describe('lede-server moderators', () => {
    it('adds (password from standard input), lists and removes moderators; removing ends their sessions', async () => {
      const config = await freshDatabase(backend);
      const env: Record<string, string> = config.kind === 'sqlite' ? { LEDE_DB: config.path } : { DATABASE_URL: config.url };
      const added = await moderators(['add', 'Alice'], env, `${PASSWORD}\r\n`);
      assert.equal(added.code, 0, added.stderr);
      assert.match(added.stdout, /Added moderator alice/);
      const listed = await moderators(['list'], env);
      assert.match(listed.stdout, /^alice\tadded \d{4}-\d\d-\d\dT[\d:.]+Z\n$/);

      const database = await openDatabase(config);
      after(() => database.close());
      const app = await buildApp(testConfig(config), database, { logTo: false });
      after(() => app.close());
      const api = new Api(app);
      const session = await signIn(api, 'alice');
      assert.equal(session.status, 200, 'the password is standard input without its final line break');
      const cookie = cookieOf(session);
      assert.equal((await api.request({ method: 'GET', url: '/api/admin/session', headers: { cookie } })).status, 200);

      const removed = await moderators(['remove', 'alice'], env);
      assert.equal(removed.code, 0, removed.stderr);
      assert.match(removed.stdout, /Removed moderator alice/);
      assert.equal((await api.request({ method: 'GET', url: '/api/admin/session', headers: { cookie } })).status, 401);
      assert.match((await moderators(['list'], env)).stdout, /No moderators yet/);
    });

    // The terminal is the same whatever the database: once is enough.
    if (backend.name === 'sqlite') {
      it('asks for the password twice on a terminal, without echoing it', async () => {
        const config = await freshDatabase(backend);
        const { DATABASE_URL: _url, ...inherited } = process.env;
        const command = [process.execPath, '--import', TSX, CLI, 'moderators', 'add', 'carol'].map((arg) => `'${arg}'`).join(' ');
        // util-linux `script` runs the command on a pseudo-terminal, which echoes input unless the program turns that off.
        const child = spawn('script', ['-qec', `exec ${command}`, '/dev/null'], {
          env: { ...inherited, LEDE_DB: (config as { path: string }).path },
          stdio: 'pipe',
        });
        after(() => child.kill('SIGKILL'));
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        const closed = new Promise((resolve) => child.on('close', resolve));
        const prompt = async (text: string) => {
          for (const deadline = Date.now() + 60_000; !output.includes(text); await delay(50)) assert.ok(Date.now() < deadline, `no "${text}" in: ${output}`);
        };
        await prompt('Password: ');
        child.stdin.write(`${PASSWORD}\r`);
        await prompt('Again: ');
        child.stdin.write(`${PASSWORD}\r`);
        assert.equal(await closed, 0, output);
        assert.match(output, /Added moderator carol/);
        assert.ok(!output.includes(PASSWORD.slice(0, 7)), `the password was echoed: ${output}`);
        const listed = await moderators(['list'], { LEDE_DB: (config as { path: string }).path });
        assert.match(listed.stdout, /^carol\t/);
      });
    }

    it('refuses what it cannot do with a message and exit code 1, or 2 for a wrong command line', async () => {
      // In this process (each spawn costs seconds): the same function, with real streams.
      const config = await freshDatabase(backend);
      const env = config.kind === 'sqlite' ? { LEDE_DB: config.path } : { DATABASE_URL: config.url };
      const run = async (args: string[], input = '') => {
        let stderr = '';
        const stderrStream = new Writable({ write: (chunk, _encoding, done) => ((stderr += chunk), done()) });
        const stdout = new Writable({ write: (_chunk, _encoding, done) => done() });
        const code = await moderatorsCommand(args, env, { stdin: Readable.from([Buffer.from(input)]), stdout, stderr: stderrStream });
        return { code, stderr };
      };
      assert.equal((await run(['add', 'alice'], PASSWORD)).code, 0);
      const refusals: [string[], string, number, RegExp][] = [
        [['add', 'alice'], `${PASSWORD}\n`, 1, /already exists/],
        [['add', 'bob'], 'short\n', 1, /12–1024 characters/],
        [['add', 'bad name!'], `${PASSWORD}\n`, 2, /not a moderator name/],
        [['add', 'token'], `${PASSWORD}\n`, 2, /reserved/],
        [['add'], '', 2, /moderators --help/],
        [['remove', 'nobody'], '', 1, /no moderator nobody/],
        [['rename', 'alice'], '', 2, /moderators --help/],
        [['list', '--port', '1'], '', 2, /Unknown option '--port'/],
      ];
      for (const [args, input, code, message] of refusals) {
        const result = await run(args, input);
        assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
        assert.match(result.stderr, message, args.join(' '));
      }
    });
  });

  describe('the console at /admin/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-console-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const script = "customElements.define('lede-moderation', class extends HTMLElement {});\nimport('./words-fr.js');\n";
    writeFileSync(join(dir, 'moderation.js'), script);
    writeFileSync(join(dir, 'words-fr.js'), 'export default {};\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a script');

    it('serves a page holding <lede-moderation> under a strict CSP, never cached or framed', async () => {
      const api = await consoleApp(backend, dir);
      const page = await api.app.inject({ method: 'GET', url: '/admin/' });
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.equal(page.headers['cache-control'], 'no-store');
      const csp = String(page.headers['content-security-policy']);
      assert.match(csp, /(^|; )script-src 'self'(;|$)/);
      assert.match(csp, /(^|; )frame-ancestors 'none'(;|$)/);
      assert.match(csp, /(^|; )default-src 'none'(;|$)/);
      assert.equal(page.headers['x-frame-options'], 'DENY');
      assert.ok(page.body.includes('<lede-moderation src="/api/admin"></lede-moderation>'));
      assert.ok(page.body.includes('<script type="module" src="/admin/moderation.js"></script>'));
      const scripts = page.body.match(/<script\b[^>]*>[^<]*<\/script>/g) ?? [];
      assert.deepEqual(scripts, ['<script type="module" src="/admin/moderation.js"></script>'], 'no inline script');
      assert.match(page.body, /<html lang="en" dir="ltr">/);

      const arabic = await api.app.inject({ method: 'GET', url: '/admin/', headers: { 'accept-language': 'ar-EG,ar;q=0.9,en;q=0.5' } });
      assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
      const french = await api.app.inject({ method: 'GET', url: '/admin/', headers: { 'accept-language': 'de-CH, fr;q=0.8' } });
      assert.match(french.body, /<html lang="fr" dir="ltr">/);

      const bare = await api.app.inject({ method: 'GET', url: '/admin' });
      assert.equal(bare.statusCode, 301);
      assert.equal(bare.headers.location, '/admin/');
    });

    it('serves the console’s scripts, revalidated by ETag, and nothing else from its directory', async () => {
      const api = await consoleApp(backend, dir);
      const js = await api.app.inject({ method: 'GET', url: '/admin/moderation.js' });
      assert.equal(js.statusCode, 200);
      assert.equal(js.body, script);
      assert.match(String(js.headers['content-type']), /^text\/javascript/);
      assert.equal(js.headers['cache-control'], 'no-cache');
      const etag = String(js.headers.etag);
      const again = await api.app.inject({ method: 'GET', url: '/admin/moderation.js', headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal((await api.app.inject({ method: 'GET', url: '/admin/words-fr.js' })).statusCode, 200);
      for (const url of ['/admin/notes.txt', '/admin/..%2Fpackage.json', '/admin/%2E%2E/package.json', '/admin/missing.js']) {
        const refused = await api.app.inject({ method: 'GET', url });
        assert.equal(refused.statusCode, 404, url);
        assert.equal(refused.json().error.code, 'not_found', url);
      }
    });

    it('answers 503 with the build step to run when the console is not built', async () => {
      const api = await consoleApp(backend, join(dir, 'not-built'));
      const page = await api.app.inject({ method: 'GET', url: '/admin/' });
      assert.equal(page.statusCode, 503);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.match(page.body, /npm run build -w lede-server/);
      assert.match(page.body, /dist\/cdn\/moderation\.js/);
      assert.equal((await api.app.inject({ method: 'GET', url: '/admin/moderation.js' })).statusCode, 404);
    });
  });
}
