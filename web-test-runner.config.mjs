// Browser tests run in Debian's Chromium and Firefox ESR, driven through puppeteer-core, and in
// WebKitGTK's MiniBrowser, driven over WebDriver (scripts/webkit.mjs); no tool ever downloads a
// browser. CHROME_PATH / FIREFOX_PATH / WEBKIT_PATH point at other builds (scripts/browsers.mjs);
// BROWSERS=chromium (or firefox, webkit, or a comma-separated list) narrows a local run.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { summaryReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { browserPaths, chromiumArgs, wantedBrowsers, webkitPaths } from './scripts/browsers.mjs';
import { noteDeliberateFailures, withoutExpectedFailures } from './scripts/expected-failures.mjs';
import { testReporter } from './scripts/test-reporter.mjs';
import { webkitLauncher } from './scripts/webkit.mjs';
import { commentServerMiddleware, commentServerPlugin } from './test/support/comment-server.mjs';
import { keyChordPlugin } from './test/support/key-chord.mjs';
import { testApi } from './test/support/test-api.mjs';

const paths = browserPaths();
const wanted = wantedBrowsers();

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: paths.chromium,
        headless: true,
        args: chromiumArgs,
      },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: paths.firefox,
        headless: true,
        extraPrefsFirefox: {
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
        },
      },
    }),
  );
}
if (wanted.includes('webkit')) browsers.push(webkitLauncher(webkitPaths()));

export default {
  rootDir: '.',
  // `--port` or PORT; otherwise the first free port from 8000.
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  // test/node and test/demo run in Node (npm run test:node, npm run test:demo).
  files: ['test/**/*.test.ts', '!test/node/**', '!test/demo/**'],
  nodeResolve: { exportConditions: ['development'] },
  browsers,
  concurrency: 1,
  concurrentBrowsers: 3,
  middleware: [noteDeliberateFailures(), testApi(), commentServerMiddleware()],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  // Per test file: the hostile suites take minutes in WebKit when three browsers share two cores.
  testsFinishTimeout: 480000,
  plugins: [
    commentServerPlugin(),
    keyChordPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  // Each file's warnings, 404s and errors (less the failures caused on purpose), then its tests as
  // a tree; at the end every error again and one closing summary.
  reporters: [testReporter({ filter: withoutExpectedFailures }), summaryReporter({ flatten: false, reportTestLogs: false })],
};
