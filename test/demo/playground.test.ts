/**
 * The playground as a designer uses it, in Chromium and Firefox: the CSS that "Copy CSS" puts on
 * the clipboard restyles every element as the preview shows it, and on a phone the controls and
 * the other pages are a tap away.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { jwtVerify } from 'jose';
import { DEMO_SSO } from '../../demo/sso-signer.js';
import { tokenDefaults } from '../../src/shared/tokens.js';
import { browserNames, collectErrors, launch, startDemo, type Demo } from './support.js';

/** What each element's look depends on: its private token copies, and what they resolve to. */
const properties = [
  ...Object.keys(tokenDefaults).map((name) => `--_${name}`),
  'color',
  'background-color',
  'font-family',
  'font-size',
  'line-height',
  'color-scheme',
];

/** Those properties, computed on every Lede element in the preview. */
function previewStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate((properties) => {
    const elements = [...document.querySelectorAll('#preview *')].filter((element) => element.localName.startsWith('lede-'));
    return Object.fromEntries(
      elements.map((element) => {
        const style = getComputedStyle(element);
        return [element.localName, Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name).trim()]))];
      }),
    );
  }, properties);
}

/**
 * Waits until every element in the preview has its final styles: the seed article is in, and the
 * comments, which load their view only near the viewport, have been scrolled to and loaded.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#stage-status')?.textContent === '');
  await page.$eval('#comments', (comments) => comments.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('#comments')?.shadowRoot?.querySelector('form') != null);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** True when the element is displayed entirely inside the viewport. */
function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  });
}

let demo: Demo;
before(async () => {
  demo = await startDemo();
});
after(() => demo?.close());

for (const browserName of browserNames) {
  describe(`playground in ${browserName}`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launch(browserName);
      if (browserName === 'chromium') {
        await browser.defaultBrowserContext().overridePermissions(new URL(demo.url).origin, ['clipboard-read', 'clipboard-sanitized-write']);
      }
    });
    after(() => browser?.close());

    it('Copy CSS copies a rule that gives every element in the preview its look', async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.setViewport({ width: 1280, height: 900 });
      const look = 'theme=dark&font-body=mono&font-size=1.25&measure=50&accent-light=%23123456&surface-dark=%23202040&spacing=1.5&radius=1';
      await page.goto(`${demo.url}?${look}`, { waitUntil: 'load' });
      await settle(page);
      const shown = await previewStyles(page);
      assert.deepEqual(Object.keys(shown), ['lede-article', 'lede-byline', 'lede-related', 'lede-comments']);
      assert.equal(shown['lede-comments']!['--_font-size'], '1.25rem');
      assert.equal(shown['lede-related']!['color-scheme'], 'dark');

      await page.click('#copy-css');
      await page.waitForFunction(() => document.querySelector('#copy-status')?.textContent === 'Copied.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.$eval('#css-output', (output) => output.textContent));

      // Undo what the controls did to the preview, then paste the CSS into the page's stylesheets.
      await page.evaluate((css) => {
        const preview = document.querySelector<HTMLElement>('#preview')!;
        preview.removeAttribute('style');
        for (const element of preview.querySelectorAll('[theme]')) element.removeAttribute('theme');
        document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
      }, copied);
      assert.deepEqual(await previewStyles(page), shown);
      await page.close();
      assert.deepEqual(errors, []);
    });

    it('on a phone, the controls and the pages are one tap away, wherever the reader has scrolled', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(demo.url, { waitUntil: 'load' });

      const headerHeight = await page.$eval('.site-header', (header) => header.getBoundingClientRect().height);
      assert.ok(headerHeight < 80, `the header is one row, not ${headerHeight}px`);
      assert.equal(await onScreen(page, '.site-nav a'), false);
      await page.click('.menu-button');
      const links = await page.$$eval('.site-nav a', (anchors) => anchors.length);
      for (let index = 1; index <= links; index += 1) assert.ok(await onScreen(page, `.site-nav li:nth-child(${index}) a`), `page link ${index}`);
      await page.keyboard.press('Escape');

      // The skip link opens the drawer before it jumps to the controls.
      await page.focus('.skip-link');
      await page.keyboard.press('Enter');
      assert.ok(await onScreen(page, '#controls-title'));
      await page.keyboard.press('Escape');
      assert.equal(await onScreen(page, '#controls-title'), false);

      const end = await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return window.scrollY;
      });
      assert.ok(end > 2000, 'the preview is long');
      assert.ok(await onScreen(page, '.controls-button'));
      await page.click('.controls-button');
      assert.ok(await onScreen(page, '#controls-title'));
      assert.ok(await onScreen(page, 'label:has(> input[name="theme"][value="dark"])'));
      await page.click('label:has(> input[name="theme"][value="dark"])');
      assert.equal(await page.$eval('#article', (article) => article.getAttribute('theme')), 'dark');
      assert.equal(await page.evaluate(() => window.scrollY), end, 'the page did not scroll');
      await page.close();
    });

    it('on a wide screen, the controls sit beside the preview and the pages fit in one row', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(demo.url, { waitUntil: 'load' });
      assert.ok(await onScreen(page, '#controls-title'));
      assert.equal(await onScreen(page, '.controls-button'), false);
      assert.equal(await onScreen(page, '.menu-button'), false);
      const tops = await page.$$eval('.site-nav a', (anchors) => anchors.map((anchor) => anchor.getBoundingClientRect().top));
      assert.equal(new Set(tops).size, 1, `one row of links: ${tops}`);
      await page.close();
    });

    it('"Sign in as…" hands the comments a token signed by the demo signer, which they send to the server', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const bearers: string[] = [];
      const answers: number[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/me') bearers.push(request.headers().authorization ?? '');
      });
      page.on('response', (response) => {
        if (new URL(response.url()).pathname === '/api/me') answers.push(response.status());
      });
      // The demo's server checks the signer's tokens: the comments say who is signed in.
      const signedInAs = (name: string) =>
        page.waitForFunction((name) => document.querySelector('#comments')?.shadowRoot?.querySelector('.signed-in')?.textContent?.includes(name), {}, name);
      await page.goto(`${demo.url}?sign-in-as=journalist`, { waitUntil: 'load' });
      await settle(page);
      const claims = async (index: number) => {
        const [, token] = /^Bearer (.+)$/.exec(bearers[index] ?? '') ?? [];
        assert.ok(token, `request ${index} to /api/me had no bearer`);
        const { payload } = await jwtVerify(token, new TextEncoder().encode(DEMO_SSO.secret), { issuer: DEMO_SSO.issuer, audience: DEMO_SSO.audience });
        return { sub: payload.sub, name: payload.name, roles: payload.roles };
      };
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/api/me')));
      assert.deepEqual(await claims(0), { sub: 'demo-journalist', name: 'Jamal Journalist', roles: ['journalist'] });
      await signedInAs('Jamal Journalist');
      await page.select('#sign-in-as', 'moderator');
      await page.waitForFunction((seen) => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/api/me')).length > seen, {}, 1);
      assert.deepEqual(await claims(1), { sub: 'demo-moderator', name: 'Mona Moderator', roles: ['moderator'] });
      await signedInAs('Mona Moderator');
      assert.deepEqual(answers, [200, 200]);
      assert.equal(new URL(page.url()).searchParams.get('sign-in-as'), 'moderator');
      await page.select('#sign-in-as', '');
      assert.equal(await page.$eval('#comments', (comments) => (comments as HTMLElement & { tokenProvider?: unknown }).tokenProvider), undefined);
      await page.close();
    });
  });
}
