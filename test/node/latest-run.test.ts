import assert from 'node:assert/strict';
import test from 'node:test';
import { LatestRun } from '../../src/shared/latest-run.js';

function host() {
  const host = { updates: 0, addController() {}, removeController() {}, requestUpdate: () => void (host.updates += 1), updateComplete: Promise.resolve(true) };
  return host;
}

test('LatestRun: only the latest run counts, and the one before is aborted', async () => {
  const target = host();
  const signals: AbortSignal[] = [];
  const completed: string[] = [];
  let answer = 'first';
  const run = new LatestRun<string>(target, {
    task: (signal) => {
      signals.push(signal);
      const value = answer;
      return new Promise((resolve) => setTimeout(() => resolve(value), value === 'first' ? 30 : 5));
    },
    onComplete: (value) => completed.push(value),
  });
  assert.equal(run.status, 'initial');
  const first = run.run();
  assert.equal(run.status, 'pending');
  answer = 'second';
  await Promise.all([first, run.run()]);
  assert.equal(signals[0]!.aborted, true);
  assert.equal(signals[1]!.aborted, false);
  assert.deepEqual(completed, ['second']);
  assert.equal(run.value, 'second');
  assert.equal(run.status, 'complete');
  // Two starts and one end: the superseded run updates nothing when it ends.
  assert.equal(target.updates, 3);
});

test('LatestRun: a failed run reports its error and clears the value', async () => {
  const errors: unknown[] = [];
  let fail = false;
  const run = new LatestRun<number>(host(), {
    task: async () => {
      if (fail) throw new Error('down');
      return 1;
    },
    onError: (error) => errors.push(error),
  });
  await run.run();
  assert.equal(run.value, 1);
  fail = true;
  await run.run();
  assert.equal(run.status, 'error');
  assert.equal(run.value, undefined);
  assert.equal((errors[0] as Error).message, 'down');
});
