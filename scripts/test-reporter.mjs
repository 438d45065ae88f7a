// web-test-runner's default reporter with two changes. It prints each file's browser warnings and
// 404s less `filter`'s (the failures the tests cause on purpose), and it closes the run with one
// summary: the per-browser progress, its verdict, and "tests: N passed, N failed, N skipped" over
// every browser, the line CI reads. (Unchanged, the progress and verdict print twice at the end.)
import { defaultReporter } from '@web/test-runner';

function countTests(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countTests(child, counts);
}

/** "tests: N passed, N failed, N skipped", and the files that broke before their tests could run. */
export function countLine(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let brokenFiles = 0;
  for (const session of sessions) {
    countTests(session.testResults, counts);
    // A file that failed to load or threw outside a test has no test results to count.
    if (!session.passed && (session.errors?.length ?? 0) > 0) brokenFiles += 1;
  }
  const broken = brokenFiles ? `, ${brokenFiles} broken test files` : '';
  return `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${broken}`;
}

/** @param {{ filter: (session: object) => object }} options */
export function testReporter({ filter }) {
  const base = defaultReporter();
  let stopped = false;
  return {
    start: (args) => base.start(args),
    reportTestFileResults: (args) => base.reportTestFileResults({ ...args, sessionsForTestFile: args.sessionsForTestFile.map(filter) }),
    getTestProgress(args) {
      if (stopped) return [...base.getTestProgress(args), countLine(args.sessions)];
      // The runner asks for the progress as the last file finishes and again as it stops: once is enough.
      if (args.sessions.every((session) => session.status === 'FINISHED')) return [];
      return base.getTestProgress(args);
    },
    stop() {
      stopped = true;
    },
  };
}
