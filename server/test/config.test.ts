import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../src/config.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

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
  });

  it('caps connections below a low open-file limit by default', () => {
    const program = `import(${JSON.stringify(new URL('../src/config.ts', import.meta.url).href)}).then((m) => console.log(m.defaultMaxConnections()))`;
    const result = spawnSync('sh', ['-c', 'ulimit -n 256 && exec "$0" --import "$1" -e "$2"', process.execPath, TSX, program], { encoding: 'utf8' });
    assert.equal(result.stdout.trim(), '192', result.stderr);
    assert.equal(parseConfig([], { LEDE_MAX_CONNECTIONS: '50' }).maxConnections, 50);
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
  ];
  for (const [argv, env, message] of invalid) {
    it(`refuses ${argv.join(' ') || JSON.stringify(env)}`, () => {
      assert.throws(() => parseConfig(argv, env), (error: Error) => error instanceof ConfigError && message.test(error.message));
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
});
