// The seed page as a reader gets it: the demo's article set as data on <lede-article>, its byline
// (credits read through context), "You may also like" from the demo's JSON feed, and comments from
// the real reference server (lede-server on a throwaway SQLite file, mounted at /api). The figure is
// every JavaScript file Chromium fetches for it, from the CDN entry to the last lazy chunk, once the
// reader has scrolled to the end: what the code really loads, not what a static graph says it might.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { decode } from '@jridgewell/sourcemap-codec';
import { tsImport } from 'tsx/esm/api';
import { kB } from './report.mjs';
import { gzipSize } from './sizes.mjs';

/** The demo's seed thread, with the demo's sample comments posted to it. */
const thread = 'seed-blinken-gaza-pauses';
const commentCount = 12;

/** @type {Promise<{ sampleComments: (count: number) => import('../../src/model.ts').Comment[] }> | undefined} */
let demoStubs;

/**
 * The demo's sample comments (`demo/comment-stubs.ts`), loaded once: the module imports the
 * library, which registers its elements (Lit's Node shim), and a second copy would say so.
 * @param {string} root
 * @param {number} count
 */
export async function demoComments(root, count) {
  demoStubs ??= tsImport(resolve(root, 'demo/comment-stubs.ts'), import.meta.url);
  return (await demoStubs).sampleComments(count);
}

/**
 * The reference comment server, built as the demo's Vite plugin builds it, with the demo's sample
 * comments (replies included) posted through its API.
 * @param {string} root
 * @returns {Promise<{ routing: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void, close: () => Promise<void> }>}
 */
export async function startCommentServer(root) {
  const load = (/** @type {string} */ path) => tsImport(resolve(root, path), import.meta.url);
  const [{ buildApp }, { parseConfig }, { openDatabase }] = await Promise.all([
    load('server/src/app.ts'),
    load('server/src/config.ts'),
    load('server/src/store/database.ts'),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'lede-bench-'));
  const config = parseConfig(['--db', join(dir, 'comments.sqlite')], { LEDE_LOG: 'warn', LEDE_MODERATION: 'none', LEDE_RATE_LIMITS: 'off' });
  const database = await openDatabase(config.database);
  const app = await buildApp(config, database, { logTo: false });
  await app.ready();
  const post = async (/** @type {{ author: { name: string }, body: string }} */ comment, /** @type {string | null} */ parentId) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/threads/${thread}/comments`,
      payload: { author: { name: comment.author.name }, body: comment.body, parentId, startedAt: Date.now() - 10_000 },
    });
    if (response.statusCode !== 201) throw new Error(`lede-server refused a bench comment: ${response.statusCode} ${response.body}`);
    return response.json().comment.id;
  };
  for (const comment of await demoComments(root, commentCount)) {
    const id = await post(comment, null);
    for (const reply of comment.replies ?? []) await post(reply, id);
  }
  return {
    routing: (request, response) => app.routing(request, response),
    close: async () => {
      await app.close();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads the seed page in Chromium, scrolls to its end, waits until every element shows its content
 * and the network is quiet, and returns each JavaScript file fetched with its gzip -9 size.
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('./server.mjs').BenchServer} server
 * @param {string} root
 * @param {import('../../src/model.ts').Article} seed
 * @returns {Promise<{ files: { path: string, bytes: number, gzip: number }[], gzip: number, shown: Record<string, boolean> }>}
 */
export async function measureSeedPage(browser, server, root, seed) {
  server.page('/feeds/related.json', await readFile(join(root, 'demo/public/feeds/related.json'), 'utf8'), 'application/json');
  // The article's data is the page's, not the library's: inline, so it is not counted as JavaScript.
  const data = JSON.stringify(seed).replace(/</g, '\\u003c');
  server.page(
    '/bench/seed.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/dist/lede.css"><script type="module" src="/dist/cdn/lede.js"></script><title>Seed page</title></head><body>
<lede-article id="article"><lede-byline slot="byline" open></lede-byline></lede-article>
<lede-related src="/feeds/related.json" max="6" current-url="https://news.example/world/blinken-humanitarian-pauses"></lede-related>
<lede-comments thread="${thread}"><h2 slot="heading">Leave a Comment</h2></lede-comments>
<script type="module">document.getElementById('article').article = ${data};</script>
</body></html>`,
  );
  const page = await browser.newPage();
  /** @type {Set<string>} */
  const scripts = new Set();
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/bench/seed.html`, { waitUntil: 'load' });
  const shown = await page.evaluate(async () => {
    const deep = (/** @type {string} */ tag, /** @type {string} */ selector) => !!document.querySelector(tag)?.shadowRoot?.querySelector(selector);
    const checks = {
      article: () => deep('lede-article', '.headline'),
      credits: () => deep('lede-byline', 'dd'),
      related: () => deep('lede-related', 'a[href]'),
      comments: () => deep('lede-comments', '[part~="comment"]') && deep('lede-comments', 'textarea'),
    };
    const deadline = performance.now() + 15_000;
    while (performance.now() < deadline && !Object.values(checks).every((check) => check())) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((done) => setTimeout(done, 100));
    }
    return Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, check()]));
  });
  await page.waitForNetworkIdle({ idleTime: 500 });
  await page.close();
  const files = [];
  for (const path of [...scripts].sort()) {
    const code = await readFile(join(root, `.${path}`));
    files.push({ path: path.slice(1), bytes: code.length, gzip: gzipSize(code) });
  }
  return { files, gzip: files.reduce((total, file) => total + file.gzip, 0), shown };
}

/**
 * Where the fetched bytes come from: each file's source map attributes every minified byte to the
 * source module it was generated from; a mapping holds until the next one, across line breaks (a
 * template literal spans lines); bytes of mappings without a source are "(glue)".
 * @param {string} root
 * @param {string[]} files Paths relative to `root`, each with a `.map` beside it.
 * @returns {Promise<Record<string, number>>} minified bytes by source path, relative to `root`
 */
export async function bytesBySource(root, files) {
  /** @type {Record<string, number>} */
  const bytes = {};
  const add = (/** @type {string} */ source, /** @type {number} */ count) => void (bytes[source] = (bytes[source] ?? 0) + count);
  for (const file of files) {
    const code = await readFile(join(root, file), 'utf8');
    // The bundler's own runtime chunk comes without a map: all of it is glue.
    const mapText = await readFile(join(root, `${file}.map`), 'utf8').catch(() => undefined);
    if (mapText === undefined) {
      add('(glue)', Buffer.byteLength(code));
      continue;
    }
    const map = JSON.parse(mapText);
    const folder = dirname(join(root, file));
    const sources = map.sources.map((/** @type {string} */ source) =>
      relative(root, resolve(folder, map.sourceRoot ?? '', source))
        .split(sep)
        .join('/'),
    );
    const lines = code.split('\n');
    let source = '(glue)';
    decode(map.mappings).forEach((segments, index) => {
      const line = Buffer.from(lines[index] ?? '');
      let column = 0;
      for (const [start, sourceIndex] of segments) {
        add(source, start - column);
        column = start;
        source = sourceIndex === undefined ? '(glue)' : (sources[sourceIndex] ?? '(glue)');
      }
      add(source, line.length - column);
      if (index < lines.length - 1) add(source, 1);
    });
  }
  return bytes;
}

/**
 * What a source belongs to, for the breakdown.
 * @param {string} source
 */
function groupOf(source) {
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(source)) return 'Lit';
  if (/node_modules\/@lit\/context\//.test(source)) return '@lit/context';
  if (/node_modules\/dompurify\//.test(source)) return 'DOMPurify';
  if (/^src\/(formats|text)\//.test(source)) return 'formats and text readers (src/formats/, src/text/)';
  if (/\.(styles|layout)\.ts$|^src\/shared\/tokens\.ts$/.test(source)) return 'CSS (*.styles.ts, *.layout.ts, tokens)';
  if (/\/messages(-[a-z]+)?\.ts$/.test(source)) return 'messages';
  const folder = /^src\/([a-z-]+)\//.exec(source)?.[1];
  if (folder) return `src/${folder}/ (the rest: elements, views, templates)`;
  return source === '(glue)' ? 'chunk glue (imports, exports, helpers)' : 'other';
}

/**
 * The rows the bench prints for the seed page: the figure against its budget, then each fetched
 * file and where the bytes come from.
 * @param {Awaited<ReturnType<typeof measureSeedPage>>} page
 * @param {Record<string, number>} bySource
 * @param {{ budget: number, target: number }} limits
 * @returns {import('./report.mjs').Row[]}
 */
export function seedPageRows(page, bySource, { budget, target }) {
  const missing = Object.entries(page.shown)
    .filter(([, shown]) => !shown)
    .map(([name]) => name);
  const minified = Object.values(bySource).reduce((total, bytes) => total + bytes, 0);
  /** Gzip attributed in proportion to minified bytes: an estimate, gzip does not split. */
  const share = (/** @type {number} */ bytes) => `${((bytes / minified) * 100).toFixed(0)}%, ~${kB((bytes / minified) * page.gzip)}`;
  /** @type {Record<string, number>} */
  const byGroup = {};
  for (const [source, bytes] of Object.entries(bySource)) byGroup[groupOf(source)] = (byGroup[groupOf(source)] ?? 0) + bytes;
  const sorted = (/** @type {Record<string, number>} */ record) => Object.entries(record).sort(([, a], [, b]) => b - a);
  return [
    {
      figure: 'seed page: every JavaScript file a reader fetches',
      value: kB(page.gzip),
      baseline: `${page.files.length} files`,
      budget: `≤ ${kB(budget)} (target ${kB(target)})`,
      ok: missing.length === 0 && page.gzip <= budget,
      note: missing.length
        ? `not shown: ${missing.join(', ')}`
        : 'article from data, byline credits, related from a JSON feed, comments from lede-server; scrolled to the end',
    },
    ...page.files.map((file) => ({
      figure: `  ${file.path.replace(/^dist\/cdn\//, '')}`,
      value: kB(file.gzip),
      note: `${(file.bytes / 1000).toFixed(1)} kB minified`,
    })),
    ...sorted(byGroup).map(([group, bytes]) => ({ figure: `  from ${group}`, value: `${(bytes / 1000).toFixed(1)} kB min`, note: share(bytes) })),
    {
      figure: '  largest modules',
      value: '',
      note: sorted(bySource)
        .slice(0, 8)
        .map(([source, bytes]) => `${source.replace(/^node_modules\//, '')} ${(bytes / 1000).toFixed(1)}`)
        .join(', '),
    },
  ];
}
