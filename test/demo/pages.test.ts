/**
 * Every demo page, in Chromium and Firefox: no axe-core violations, and no console errors or
 * uncaught exceptions except the failures a page shows on purpose.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { axeSource, browserNames, collectErrors, launch, startDemo, type Demo } from './support.js';

/** Every page in demo/, and the playground with the dark theme forced on every element. */
const pages = [...readdirSync(new URL('../../demo/', import.meta.url)).filter((file) => file.endsWith('.html')), 'index.html?theme=dark'];

/** The console errors a page causes on purpose, by its error examples; any other fails the test. */
const deliberateErrors: Record<string, { text: RegExp; url?: RegExp }[]> = {
  // "Error: not found" and "Error, hidden": a `src` that answers 404.
  'article.html': [{ text: /\b404\b/, url: /\/content\/missing\.json$/ }],
  'related.html': [
    // "Error" and "Error, hidden": a feed that answers 404.
    { text: /\b404\b/, url: /\/feeds\/missing\.json$/ },
    // "Malformed feed": Firefox reports the XML that DOMParser could not read.
    { text: /^Error: XML Parsing Error: mismatched tag/ },
  ],
};

/** Scrolls to the end, a screen at a time, so lazily loaded examples load, then waits for quiet. */
async function loadEverything(page: Page): Promise<void> {
  for (;;) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    if (atEnd) break;
  }
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 10000 });
}

/**
 * The examples on the states pages whose contents touch an edge of their specimen box: each
 * element sits inset by the box's padding, as the description beside it does. The article pads
 * itself, so its boxes have none.
 */
function unpaddedSpecimens(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.specimen:not(:has(> lede-article))')].flatMap((specimen) => {
      // The boxes of its children: elements' border boxes, text by its lines. (A range over the
      // whole specimen would take in, in Firefox, a carousel's stories scrolled out of view.)
      const boxes = [...specimen.childNodes].flatMap((node) => {
        if (node instanceof Element) return [node.getBoundingClientRect()];
        const range = document.createRange();
        range.selectNodeContents(node);
        return node.textContent?.trim() ? [range.getBoundingClientRect()] : [];
      });
      const shown = boxes.filter((box) => box.width > 0 && box.height > 0);
      if (shown.length === 0) return [];
      const box = specimen.getBoundingClientRect();
      const left = Math.min(...shown.map((child) => child.left));
      const right = Math.max(...shown.map((child) => child.right));
      const top = Math.min(...shown.map((child) => child.top));
      const insets = [left - box.left, box.right - right, top - box.top];
      const name = specimen.closest('section')?.querySelector('h2')?.textContent ?? specimen.id;
      return Math.min(...insets) < 16 ? [`${name}: ${insets.map(Math.round).join(', ')}px`] : [];
    }),
  );
}

function describeViolations(results: AxeResults): string {
  return results.violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ')}`);
      return `  ${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

let demo: Demo;
before(async () => {
  demo = await startDemo();
});
after(() => demo?.close());

for (const browserName of browserNames) {
  describe(`demo pages in ${browserName}`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launch(browserName);
    });
    after(() => browser?.close());

    for (const file of pages) {
      it(`${file}: axe-clean, no unexpected console errors, every example padded`, async () => {
        const page = await browser.newPage();
        const errors = collectErrors(page);
        await page.setViewport({ width: 1280, height: 900 });
        await page.goto(new URL(file, demo.url).href, { waitUntil: 'load' });
        await loadEverything(page);
        await page.addScriptTag({ path: axeSource });
        const options: RunOptions = { resultTypes: ['violations'] };
        const results = await page.evaluate((options) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, options), options);
        const unpadded = await unpaddedSpecimens(page);
        const deliberate = deliberateErrors[file] ?? [];
        const unexpected = errors.filter((error) => !deliberate.some(({ text, url }) => text.test(error.text) && (!url || url.test(error.url))));
        await page.close();
        const found = { axeViolations: describeViolations(results), unexpectedConsoleErrors: unexpected, unpaddedExamples: unpadded };
        assert.deepEqual(found, { axeViolations: '', unexpectedConsoleErrors: [], unpaddedExamples: [] });
      });
    }
  });
}
