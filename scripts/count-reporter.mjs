// Prints one closing line, "tests: N passed, N failed, N skipped", counted over every browser,
// so CI logs (and people) can read the outcome of a run at a glance.
function countTests(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countTests(child, counts);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      let brokenFiles = 0;
      for (const session of sessions) {
        countTests(session.testResults, counts);
        // A file that failed to load or threw outside a test has no test results to count.
        if (!session.passed && (session.errors?.length ?? 0) > 0) brokenFiles += 1;
      }
      const broken = brokenFiles ? `, ${brokenFiles} broken test files` : '';
      console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${broken}`);
    },
  };
}
