import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noteDeliberateFailures, withoutExpectedFailures } from '../../scripts/expected-failures.mjs';
import { testReporter } from '../../scripts/test-reporter.mjs';

/** A finished browser session as web-test-runner reports it. */
function session(id: string, logs: string[][] = [], request404s: string[] = []) {
  return {
    id,
    status: 'FINISHED',
    passed: true,
    errors: [],
    logs,
    request404s,
    browser: { name: 'Chromium' },
    testResults: {
      name: '',
      tests: [{ name: 'a', passed: true, skipped: false }],
      suites: [
        {
          name: 's',
          tests: [
            { name: 'b', passed: false, skipped: false },
            { name: 'c', passed: true, skipped: true },
          ],
          suites: [],
        },
      ],
    },
  };
}

/** A test page's request through the dev server's middleware. */
async function request(path: string, sessionId: string): Promise<void> {
  const context = { path, get: (header: string) => (header === 'referer' ? `http://localhost:8000/?wtr-session-id=${sessionId}` : '') };
  await noteDeliberateFailures()(context, async () => {});
}

test('leaves out the 404s and warnings of routes that fail on purpose, and keeps every other', () => {
  const logs = [
    ['lede-related: The request for /test-api/status/404 failed with HTTP 404.'],
    ['lede-comments: Injected 503.'],
    ['lede-related: The request for /feeds/stories.json failed with HTTP 404.'],
    ['lede-related: skipped 1 unusable item(s): item 3: no http(s) url'],
    ['lede-comments: Failed to fetch'],
    ['lede-article: The request timed out.'],
  ];
  const filtered = withoutExpectedFailures(session('calm', logs, ['test-api/status/404', 'fixtures/missing.json']));
  assert.deepEqual(filtered.logs, logs.slice(2));
  assert.deepEqual(filtered.request404s, ['fixtures/missing.json']);
});

test('leaves out timeouts and dropped connections only for a page that broke its network first', async () => {
  const logs = [
    ['lede-comments: Failed to fetch'],
    ['lede-comments: NetworkError when attempting to fetch resource.'],
    ['lede-article: The request timed out.'],
    ['lede-comments: Something else.'],
  ];
  await request('/test-api/comments/s123/fault', 'faulty');
  await request('/test-api/hang', 'hanging');
  await request('/test-api/comments/s123/seed', 'seeding');
  assert.deepEqual(withoutExpectedFailures(session('faulty', logs)).logs, [['lede-comments: Something else.']]);
  assert.deepEqual(withoutExpectedFailures(session('hanging', logs)).logs, [['lede-comments: Something else.']]);
  assert.deepEqual(withoutExpectedFailures(session('seeding', logs)).logs, logs);
});

test('closes the run with one summary, ending in the count line CI reads', () => {
  const reporter = testReporter({ filter: (s: object) => s });
  const sessions = [session('one'), session('two')];
  // The slice of the runner's session manager that the default reporter's progress reads.
  const manager = { forBrowser: () => sessions, forStatusAndTestFile: () => [] };
  const browser = { name: 'Chromium' };
  const start = {
    config: { watch: false },
    browsers: [browser],
    browserNames: ['Chromium'],
    testFiles: ['a.test.ts'],
    sessions: manager,
    startTime: Date.now(),
  };
  reporter.start(start as never);
  const progress = { sessions, testRun: 0 } as never;
  assert.deepEqual(reporter.getTestProgress(progress), [], 'nothing as the last file finishes');
  reporter.stop({} as never);
  const closing = reporter.getTestProgress(progress) as string[];
  assert.match(closing.join('\n'), /Finished running tests/);
  assert.equal(closing.at(-1), 'tests: 2 passed, 2 failed, 2 skipped');
  assert.match(closing.at(-1)!, /^tests: ([0-9]+) passed, ([0-9]+) failed.*/);
});
