// The comment-count figures: 100 `<lede-comment-count>` on an index page against one plain fetch.
import { ms, quantile } from './report.mjs';

/** Count elements on the bench's index page, and the paired rounds measured. */
const countElements = 100;
const countRounds = 5;

/**
 * 100 `<lede-comment-count>` created in one task: the `/api/counts` requests they make and the time
 * until every count shows, against one plain fetch of the same counts written into 100 spans
 * (alternating rounds, fresh threads each, median). The page must be the bench's render page.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} origin
 * @param {number} maxRequests the budget
 * @returns {Promise<{ rows: import('./report.mjs').Row[], results: Record<string, unknown> }>}
 */
export async function measureCounts(browser, origin, maxRequests) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${origin}/bench/render.html`);
  await page.evaluate(() => import('/dist/cdn/lede.js'));
  /** @type {Record<'element' | 'plain', { elapsed: number, requests: number, shown: number, text: string }[]>} */
  const results = { element: [], plain: [] };
  for (let round = 0; round < countRounds; round += 1) {
    for (const plain of [false, true]) {
      results[plain ? 'plain' : 'element'].push(
        await page.evaluate(async (options) => (await import('/bench/page/counts.js')).measureCounts(options), { count: countElements, round, plain }),
      );
    }
  }
  await page.close();
  const median = (/** @type {{ elapsed: number }[]} */ runs) =>
    quantile(
      runs.map((run) => run.elapsed),
      0.5,
    );
  const requests = Math.max(...results.element.map((run) => run.requests));
  const allShown = results.element.every((run) => run.shown === countElements);
  const rows = [
    {
      figure: `${countElements} <lede-comment-count>: GET /api/counts requests`,
      value: `${requests}`,
      baseline: `plain fetch ${Math.max(...results.plain.map((run) => run.requests))}`,
      budget: `≤ ${maxRequests}`,
      ok: requests <= maxRequests && allShown,
      note: allShown ? `every count shown ("${results.element[0]?.text}")` : 'not every count was shown',
    },
    {
      figure: `${countElements} <lede-comment-count>: until every count shows`,
      value: ms(median(results.element)),
      baseline: `plain fetch into spans ${ms(median(results.plain))}`,
      budget: '—',
      note: `median of ${countRounds} alternating rounds, fresh threads each`,
    },
  ];
  return { rows, results };
}
