// `npm run test:browser`: the browser tests, Chromium and Firefox together, then WebKit on its own.
// WebKitGTK runs several times slower when it shares the two cores with the other two browsers, and
// its tests then hit their time limits (CI saw hooks and server restarts time out there only).
// Arguments go to every run (`npm run test:browser -- --files test/comments.test.ts`); BROWSERS
// narrows the browsers as it does for `wtr`. Every group runs; the exit code says if any failed.
import { spawnSync } from 'node:child_process';
import { wantedBrowsers } from './browsers.mjs';

const wanted = wantedBrowsers();
const groups = [wanted.filter((name) => name !== 'webkit'), wanted.filter((name) => name === 'webkit')].filter((group) => group.length > 0);

let failed = false;
for (const group of groups) {
  console.log(`\nBrowser tests in ${group.join(' and ')}`);
  const run = spawnSync('npx', ['wtr', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, BROWSERS: group.join(',') } });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
