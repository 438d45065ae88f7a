import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { after, describe, it } from 'node:test';
import { freePort } from '../scripts/pg-cluster.js';
import { ConfigError, parseConfig } from '../src/config.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

const SSO_SECRET = 'a-shared-secret-of-the-site-login-0123456789';
const SSO_SITE = { LEDE_SSO_ISSUER: 'https://login.example', LEDE_SSO_AUDIENCE: 'lede' };

describe('configuration', () => {
  it('has safe defaults', () => {
    const config = parseConfig([], {});
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.deepEqual(config.database, { kind: 'sqlite', path: './.lede-data/comments.sqlite' });
    assert.equal(config.moderation, 'none');
    assert.equal(config.trustProxy, false);
    assert.deepEqual(config.rateLimits.posts, { max: 5, windowMs: 60_000 });
    assert.equal(config.editWindowMs, 15 * 60_000);
    assert.equal(config.minSubmitMs, 3000);
    assert.equal(config.adminToken, null);
    assert.equal(config.headersTimeoutMs, 10_000);
    assert.equal(config.requestTimeoutMs, 30_000);
    assert.equal(config.keepAliveTimeoutMs, 5_000);
    assert.ok(config.maxConnections >= 1 && config.maxConnections <= 1000);
    assert.equal(config.logFormat, 'auto');
    assert.equal(config.closeAfterMs, null);
  });

  it('reads reply mail settings: off without LEDE_SMTP_URL, all three needed with it, limits by kind', () => {
    assert.equal(parseConfig([], {}).mail, null);
    const env = { LEDE_SMTP_URL: 'smtps://u:p@mail.example:465', LEDE_MAIL_FROM: 'The Daily <c@news.example>', LEDE_PUBLIC_URL: 'https://c.news.example/' };
    const mail = parseConfig([], env).mail!;
    assert.equal(mail.smtpUrl, 'smtps://u:p@mail.example:465');
    assert.equal(mail.publicUrl, 'https://c.news.example');
    assert.deepEqual(mail.limits.confirm, { max: 3, windowMs: 86_400_000 });
    const limited = parseConfig([], { ...env, LEDE_NOTIFY_LIMITS: 'confirm=1/day,replies=5/10min' }).mail!.limits;
    assert.deepEqual(limited, { confirm: { max: 1, windowMs: 86_400_000 }, client: { max: 10, windowMs: 3_600_000 }, replies: { max: 5, windowMs: 600_000 } });
    assert.throws(() => parseConfig([], { ...env, LEDE_MAIL_FROM: '' }), /LEDE_MAIL_FROM must be set/);
    assert.throws(() => parseConfig([], { ...env, LEDE_PUBLIC_URL: undefined }), /LEDE_PUBLIC_URL must be set/);
    assert.throws(() => parseConfig([], { ...env, LEDE_PUBLIC_URL: 'ftp://x' }), /LEDE_PUBLIC_URL must be an http\(s\) URL/);
    assert.throws(() => parseConfig([], { ...env, LEDE_SMTP_URL: 'mail.example' }), /LEDE_SMTP_URL must be an smtp/);
    assert.throws(() => parseConfig([], { ...env, LEDE_NOTIFY_LIMITS: 'confirm=0/day' }), /LEDE_NOTIFY_LIMITS: cannot read "confirm=0\/day"/);
  });

  it('reads LEDE_CLOSE_AFTER in days, or off', () => {
    assert.equal(parseConfig([], { LEDE_CLOSE_AFTER: '30' }).closeAfterMs, 30 * 86_400_000);
    assert.equal(parseConfig([], { LEDE_CLOSE_AFTER: '7d' }).closeAfterMs, 7 * 86_400_000);
    assert.equal(parseConfig([], { LEDE_CLOSE_AFTER: 'off' }).closeAfterMs, null);
    for (const value of ['0', '-3', '2w', 'soon']) {
      assert.throws(() => parseConfig([], { LEDE_CLOSE_AFTER: value }), /LEDE_CLOSE_AFTER must be a number of days/, value);
    }
  });

  it('reads how long public reads may be cached, in seconds from 0 to 3600', () => {
    assert.deepEqual(parseConfig([], {}).cache, { maxAge: 5, sharedMaxAge: 10, staleWhileRevalidate: 60 });
    assert.deepEqual(parseConfig([], { LEDE_CACHE_MAX_AGE: '0', LEDE_CACHE_S_MAXAGE: '30', LEDE_CACHE_STALE: '3600' }).cache, {
      maxAge: 0,
      sharedMaxAge: 30,
      staleWhileRevalidate: 3600,
    });
    for (const [name, value] of [
      ['LEDE_CACHE_MAX_AGE', '-1'],
      ['LEDE_CACHE_S_MAXAGE', '3601'],
      ['LEDE_CACHE_STALE', 'a minute'],
    ]) {
      assert.throws(() => parseConfig([], { [name!]: value }), new RegExp(`${name} must be a number of seconds`), value);
    }
  });

  it('reads the ban mode and the reject reasons', () => {
    const defaults = parseConfig([], {});
    assert.equal(defaults.banMode, 'hold');
    assert.deepEqual(defaults.rejectReasons, ['Spam', 'Off-topic', 'Abusive', 'Personal information']);
    const config = parseConfig([], { LEDE_BAN_MODE: 'refuse', LEDE_REJECT_REASONS: ' Spam , Hors sujet,,Spam ' });
    assert.equal(config.banMode, 'refuse');
    assert.deepEqual(config.rejectReasons, ['Spam', 'Hors sujet']);
    assert.throws(
      () => parseConfig([], { LEDE_BAN_MODE: 'delete' }),
      (error: Error) => error instanceof ConfigError && /LEDE_BAN_MODE/.test(error.message),
    );
    assert.throws(() => parseConfig([], { LEDE_REJECT_REASONS: 'x'.repeat(501) }), ConfigError);
  });

  it('caps connections below a low open-file limit by default', () => {
    const program = `import(${JSON.stringify(new URL('../src/config/network.ts', import.meta.url).href)}).then((m) => console.log(m.defaultMaxConnections()))`;
    const result = spawnSync('sh', ['-c', 'ulimit -n 256 && exec "$0" --import "$1" -e "$2"', process.execPath, TSX, program], { encoding: 'utf8' });
    assert.equal(result.stdout.trim(), '192', result.stderr);
    assert.equal(parseConfig([], { LEDE_MAX_CONNECTIONS: '50' }).maxConnections, 50);
  });

  it('reads the live threads’ stream cap and how long events are kept', () => {
    assert.deepEqual(parseConfig([], { LEDE_MAX_CONNECTIONS: '50' }).live, { maxStreams: 45, keepMs: 3_600_000, keepEvents: 10_000 });
    assert.deepEqual(parseConfig([], { LEDE_LIVE_STREAMS: '7', LEDE_LIVE_KEEP: '2h', LEDE_LIVE_KEEP_EVENTS: '500' }).live, {
      maxStreams: 7,
      keepMs: 7_200_000,
      keepEvents: 500,
    });
    assert.throws(() => parseConfig([], { LEDE_LIVE_STREAMS: '0' }), /LEDE_LIVE_STREAMS must be a whole number/);
    assert.throws(() => parseConfig([], { LEDE_LIVE_KEEP_EVENTS: 'lots' }), /LEDE_LIVE_KEEP_EVENTS must be a whole number/);
    assert.throws(() => parseConfig([], { LEDE_LIVE_KEEP: '30s' }), /LEDE_LIVE_KEEP must be at least 1m/);
  });

  it('reads moderators’ session lengths and sign-in limits, with safe defaults', () => {
    const defaults = parseConfig([], {}).auth;
    assert.deepEqual(defaults, {
      sessionIdleMs: 60 * 60_000,
      sessionMaxMs: 12 * 60 * 60_000,
      signInLimits: { name: { max: 5, windowMs: 15 * 60_000 }, client: { max: 20, windowMs: 15 * 60_000 } },
    });
    const set = parseConfig([], { LEDE_SESSION_IDLE: '15m', LEDE_SESSION_MAX: '8h', LEDE_SIGNIN_LIMITS: 'client=50/h' }).auth;
    assert.equal(set.sessionIdleMs, 15 * 60_000);
    assert.equal(set.sessionMaxMs, 8 * 60 * 60_000);
    assert.deepEqual(set.signInLimits, { name: { max: 5, windowMs: 15 * 60_000 }, client: { max: 50, windowMs: 60 * 60_000 } });
  });

  it('reads sign-in: off by default; one key with the algorithms it pins, issuer, audience, id and anonymous policy', () => {
    assert.deepEqual(parseConfig([], {}).sso, { key: null, issuer: null, audience: null, anonymous: 'allow', id: 'opaque' });
    const secret = parseConfig([], { ...SSO_SITE, LEDE_SSO_SECRET: SSO_SECRET, LEDE_ANONYMOUS: 'deny', LEDE_SSO_ID: 'sub' }).sso;
    assert.deepEqual(
      [secret.key?.kind, secret.key?.algorithms, secret.issuer, secret.audience, secret.anonymous, secret.id],
      ['secret', ['HS256'], 'https://login.example', 'lede', 'deny', 'sub'],
    );
    const jwks = parseConfig([], { ...SSO_SITE, LEDE_SSO_JWKS_URL: 'http://127.0.0.1:9000/jwks.json' }).sso.key;
    assert.deepEqual([jwks?.kind, jwks?.algorithms], ['jwks', ['RS256', 'ES256', 'EdDSA']]);
    const dir = mkdtempSync(join(tmpdir(), 'lede-sso-config-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const pinned = (type: 'rsa' | 'ec' | 'ed25519' | 'x25519') => {
      const { publicKey } =
        type === 'rsa'
          ? generateKeyPairSync('rsa', { modulusLength: 2048 })
          : type === 'ec'
            ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
            : type === 'ed25519'
              ? generateKeyPairSync('ed25519')
              : generateKeyPairSync('x25519');
      const file = join(dir, `${type}.pem`);
      writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
      return () => parseConfig([], { ...SSO_SITE, LEDE_SSO_PUBLIC_KEY_FILE: file }).sso.key?.algorithms;
    };
    assert.deepEqual(pinned('rsa')(), ['RS256']);
    assert.deepEqual(pinned('ec')(), ['ES256']);
    assert.deepEqual(pinned('ed25519')(), ['EdDSA']);
    assert.throws(pinned('x25519'), (error: Error) => error instanceof ConfigError && /x25519 key; use RSA, P-256 or Ed25519/.test(error.message));
  });

  it('reads PORT and LEDE_LOG_FORMAT from the environment', () => {
    const config = parseConfig([], { PORT: '9100', LEDE_LOG_FORMAT: 'json' });
    assert.equal(config.port, 9100);
    assert.equal(config.logFormat, 'json');
    assert.equal(parseConfig([], { LEDE_LOG_FORMAT: 'pretty' }).logFormat, 'pretty');
  });

  it('reads flags over environment', () => {
    const config = parseConfig(['--port', '9000', '--host', '::1', '--db', '/tmp/x.sqlite'], {
      PORT: '1234',
      LEDE_DB: '/tmp/ignored',
      LEDE_ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173',
      LEDE_MODERATION: 'first-time',
      LEDE_TRUST_PROXY: '1',
      LEDE_RATE_LIMITS: 'posts=2/10min,votes=off',
      LEDE_EDIT_WINDOW: '1h',
      LEDE_BANNED_WORDS: 'Casino, ＦＲＥＥ money',
      LEDE_ADMIN_TOKEN: 'x'.repeat(20),
    });
    assert.equal(config.port, 9000);
    assert.equal(config.host, '::1');
    assert.deepEqual(config.database, { kind: 'sqlite', path: '/tmp/x.sqlite' });
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'http://localhost:5173']);
    assert.equal(config.trustProxy, 1);
    assert.deepEqual(config.rateLimits, { posts: { max: 2, windowMs: 600_000 }, votes: null, reports: { max: 10, windowMs: 60_000 } });
    assert.equal(config.editWindowMs, 3_600_000);
    assert.deepEqual(config.bannedWords, ['casino', 'free money']);
  });

  it('reads trusted proxies as a hop count or a list of addresses and ranges', () => {
    assert.equal(parseConfig([], { LEDE_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(parseConfig([], { LEDE_TRUST_PROXY: 'false' }).trustProxy, false);
    assert.deepEqual(parseConfig([], { LEDE_TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustProxy, ['loopback', '10.0.0.0/8', '2001:db8::1']);
  });

  it('reads allowed host names', () => {
    assert.deepEqual(parseConfig([], {}).allowedHosts, []);
    assert.deepEqual(parseConfig([], { LEDE_ALLOWED_HOSTS: 'Comments.News.Example, news.example' }).allowedHosts, ['comments.news.example', 'news.example']);
  });

  it('switches to Postgres on a postgres:// DATABASE_URL and turns limits off', () => {
    const config = parseConfig([], { DATABASE_URL: 'postgresql://u@127.0.0.1/db', LEDE_RATE_LIMITS: 'off' });
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgresql://u@127.0.0.1/db' });
    assert.deepEqual(config.rateLimits, { posts: null, votes: null, reports: null });
  });

  const invalid: [string[], Record<string, string>, RegExp][] = [
    [['--port', 'eighty'], {}, /PORT\/--port/],
    [['--verbose'], {}, /Unknown option '--verbose'/],
    [[], { DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [[], { LEDE_MODERATION: 'some' }, /LEDE_MODERATION must be one of/],
    [[], { LEDE_RATE_LIMITS: 'posts=5' }, /LEDE_RATE_LIMITS/],
    [[], { LEDE_RATE_LIMITS: 'posts=5/fortnight' }, /LEDE_RATE_LIMITS/],
    [[], { LEDE_ALLOWED_ORIGINS: 'https://a.example/path' }, /bare origin/],
    [[], { LEDE_ADMIN_TOKEN: 'short' }, /at least 16/],
    [[], { LEDE_EDIT_WINDOW: 'soon' }, /LEDE_EDIT_WINDOW/],
    [[], { LEDE_BANNED_WORDS_FILE: '/nonexistent/words' }, /ENOENT/],
    [[], { LEDE_TRUST_PROXY: 'true' }, /LEDE_TRUST_PROXY=true would believe/],
    [[], { LEDE_TRUST_PROXY: '10.0.0.0/33' }, /LEDE_TRUST_PROXY: "10.0.0.0\/33"/],
    [[], { LEDE_TRUST_PROXY: 'my-proxy' }, /LEDE_TRUST_PROXY: "my-proxy"/],
    [[], { LEDE_ALLOWED_HOSTS: 'https://comments.news.example' }, /LEDE_ALLOWED_HOSTS: "https:\/\/comments.news.example" is not a host name/],
    [[], { LEDE_REQUEST_TIMEOUT: '0s' }, /LEDE_REQUEST_TIMEOUT must be at least 1s/],
    [[], { LEDE_HEADERS_TIMEOUT: '1m' }, /must not be longer than LEDE_REQUEST_TIMEOUT/],
    [[], { LEDE_MAX_CONNECTIONS: '0' }, /LEDE_MAX_CONNECTIONS/],
    [[], { LEDE_LOG_FORMAT: 'colour' }, /LEDE_LOG_FORMAT must be json or pretty/],
    [[], { LEDE_SESSION_IDLE: '30s' }, /LEDE_SESSION_IDLE must be at least 1m/],
    [[], { LEDE_SESSION_IDLE: '2h', LEDE_SESSION_MAX: '1h' }, /LEDE_SESSION_MAX must not be shorter than LEDE_SESSION_IDLE/],
    [[], { LEDE_SIGNIN_LIMITS: 'name=off' }, /LEDE_SIGNIN_LIMITS: cannot read "name=off"/],
    [[], { LEDE_SIGNIN_LIMITS: 'tries=5/min' }, /LEDE_SIGNIN_LIMITS: cannot read "tries=5\/min"/],
    [[], { LEDE_ANONYMOUS: 'maybe' }, /LEDE_ANONYMOUS must be allow or deny/],
    [[], { LEDE_ANONYMOUS: 'deny' }, /LEDE_ANONYMOUS=deny needs sign-in/],
    [
      [],
      { ...SSO_SITE, LEDE_SSO_SECRET: SSO_SECRET, LEDE_SSO_JWKS_URL: 'https://login.example/jwks.json' },
      /Set only one of LEDE_SSO_SECRET, LEDE_SSO_JWKS_URL/,
    ],
    [[], { ...SSO_SITE, LEDE_SSO_SECRET: 'short' }, /LEDE_SSO_SECRET must be at least 32 characters/],
    [[], { LEDE_SSO_SECRET: SSO_SECRET }, /needs LEDE_SSO_ISSUER and LEDE_SSO_AUDIENCE/],
    [[], { LEDE_SSO_SECRET: SSO_SECRET, LEDE_SSO_ISSUER: 'https://login.example' }, /needs LEDE_SSO_ISSUER and LEDE_SSO_AUDIENCE/],
    [[], { LEDE_SSO_AUDIENCE: 'lede' }, /need a sign-in key/],
    [[], { ...SSO_SITE, LEDE_SSO_JWKS_URL: 'http://login.example/jwks.json' }, /must be an https:\/\/ address/],
    [[], { ...SSO_SITE, LEDE_SSO_PUBLIC_KEY_FILE: '/nonexistent/login.pem' }, /cannot read a PEM public key/],
    [[], { ...SSO_SITE, LEDE_SSO_SECRET: SSO_SECRET, LEDE_SSO_ID: 'email' }, /LEDE_SSO_ID must be opaque or sub/],
  ];
  for (const [argv, env, message] of invalid) {
    it(`refuses ${argv.join(' ') || JSON.stringify(env)}`, () => {
      assert.throws(
        () => parseConfig(argv, env),
        (error: Error) => error instanceof ConfigError && message.test(error.message),
      );
    });
  }

  it('stops the CLI with one line on stderr and exit code 2', () => {
    const result = spawnSync(process.execPath, ['--import', TSX, CLI], {
      env: { ...process.env, LEDE_MODERATION: 'maybe' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'lede-server: LEDE_MODERATION must be one of none, links, first-time, all; got "maybe".\n');
    const help = spawnSync(process.execPath, ['--import', TSX, CLI, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: lede-server/);
  });

  describe('logs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-logs-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    /** Starts the CLI on PORT (no flag) and collects what it prints, once it has said it listens. */
    async function startCli(port: number, command: (argv: string[]) => [string, string[]]) {
      const unset = ['NO_COLOR', 'FORCE_COLOR', 'LEDE_LOG_FORMAT', 'LEDE_ADMIN_TOKEN'];
      const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.includes(name)));
      const env = { ...inherited, PORT: String(port), LEDE_DB: join(dir, `${port}.sqlite`), LEDE_LOG: 'info' };
      const [file, args] = command([process.execPath, '--import', TSX, CLI]);
      const child: ChildProcess = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      after(() => child.kill('SIGKILL'));
      let output = '';
      let errors = '';
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (errors += chunk));
      const until = async (pattern: RegExp) => {
        const deadline = Date.now() + 20_000;
        while (!pattern.test(stripVTControlCharacters(output))) {
          assert.ok(Date.now() < deadline && child.exitCode === null, `no ${pattern} in: ${output}${errors}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      await until(/Server listening/);
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      assert.equal(response.status, 200);
      await until(/\/api\/health/);
      return { child, output: () => output };
    }

    it('writes JSON lines, without client addresses, when stdout is not a terminal', async () => {
      const port = await freePort();
      const { child, output } = await startCli(port, ([file, ...args]) => [file!, args]);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      const entries = output()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      assert.ok(
        entries.some((entry) => entry.msg === `Server listening at http://127.0.0.1:${port}`),
        'it listens on PORT',
      );
      const request = entries.find((entry) => entry.req?.url === '/api/health');
      assert.deepEqual(
        { req: request.req, res: request.res, msg: request.msg },
        { req: { method: 'GET', url: '/api/health' }, res: { statusCode: 200 }, msg: 'request completed' },
      );
      assert.equal(entries.filter((entry) => entry.reqId === request.reqId).length, 1, 'one line per request');
    });

    it('writes one coloured line per event on a terminal', async () => {
      const port = await freePort();
      // util-linux `script` runs the server on a pseudo-terminal and copies what it prints.
      const { child, output } = await startCli(port, (argv) => ['script', ['-qc', `exec ${argv.map((arg) => `'${arg}'`).join(' ')}`, '/dev/null']]);
      const lines = output().trimEnd().split(/\r?\n/);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      assert.notEqual(output(), stripVTControlCharacters(output()), 'coloured');
      assert.deepEqual(
        lines.map((line) =>
          stripVTControlCharacters(line)
            .replace(/^\[\d\d:\d\d:\d\d\.\d{3}\] /, '')
            .replace(/\d+ms$/, 'Nms'),
        ),
        [
          'WARN: Moderation is off: add a moderator with `lede-server moderators add NAME` (or set LEDE_ADMIN_TOKEN for scripts).',
          `INFO: Server listening at http://127.0.0.1:${port}`,
          'INFO: GET /api/health 200 Nms',
        ],
      );
    });
  });
});
