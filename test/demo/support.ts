/**
 * The demo as a person opens it: `npm start`'s Vite dev server (with the comment server at /api,
 * on a throwaway SQLite file), on a free port, in Debian's Chromium and Firefox through
 * puppeteer-core. Shared by the demo tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer } from 'vite';
import { browserPaths, chromiumArgs, type BrowserName } from '../../scripts/browsers.mjs';

const root = new URL('../../', import.meta.url);

/** The browsers to test in: both, or those `BROWSERS` names (as for the browser tests). */
export const browserNames = (process.env.BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');

export interface Demo {
  /** The demo's base URL, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Starts the demo's dev server on a free port; its comments go to a temporary database. */
export async function startDemo(): Promise<Demo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lede-demo-test-'));
  process.env.LEDE_DB = join(dataDir, 'comments.sqlite');
  delete process.env.DATABASE_URL;
  const server = await createServer({
    configFile: new URL('vite.config.ts', root).pathname,
    server: { port: 0 },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('demo: the dev server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches one of the test browsers, headless. */
export async function launch(name: BrowserName): Promise<Browser> {
  const executablePath = browserPaths()[name];
  if (!executablePath) throw new Error(`demo: no ${name} executable (install Debian's package or set CHROME_PATH / FIREFOX_PATH)`);
  if (name === 'chromium') return puppeteer.launch({ executablePath, headless: true, args: chromiumArgs });
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      // Lets a test read the clipboard without the paste prompt a person would see.
      'dom.events.testing.asyncClipboard': true,
    },
  });
}

/** axe-core's browser build, from node_modules. */
export const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every console error and uncaught exception a page reports, with the URL it names. */
export function collectErrors(page: Page): { text: string; url: string }[] {
  const errors: { text: string; url: string }[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push({ text: message.text(), url: message.location().url ?? '' });
  });
  page.on('pageerror', (error) => errors.push({ text: String(error), url: '' }));
  return errors;
}
