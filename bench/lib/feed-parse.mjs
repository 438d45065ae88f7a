// The feed figure: a 500-item RSS 2.0 feed, as a large news site writes one (HTML descriptions,
// entities, media:content images, Dublin Core bylines), read by `parseFeed` in Chromium beside
// the platform's `DOMParser` on the same text, and the growth when the feed doubles.

/** Items in the measured feed. */
export const feedItems = 500;

/** One item: its words vary with `index`, so no engine can reuse a string it has seen. */
function rssItem(index) {
  const day = String((index % 28) + 1).padStart(2, '0');
  return `<item>
  <title>Minister&amp;rsquo;s plan for district ${index} draws &amp;ldquo;cautious&amp;rdquo; welcome &amp;mdash; report ${index}</title>
  <link>https://news.example/world/2024/03/${day}/story-${index}</link>
  <guid isPermaLink="true">https://news.example/world/2024/03/${day}/story-${index}</guid>
  <pubDate>Tue, ${day} Mar 2024 ${String(index % 24).padStart(2, '0')}:15:00 +0100</pubDate>
  <dc:creator>Reporter ${index % 37}</dc:creator>
  <category>Section ${index % 9}</category>
  <description>&lt;p&gt;The council met on Tuesday to discuss proposal ${index}, which would change how the district &amp;amp; its neighbours share water.&lt;/p&gt;&lt;p&gt;&lt;a href="https://news.example/world/${index}"&gt;Continue reading&amp;hellip;&lt;/a&gt;&lt;/p&gt;</description>
  <media:content url="https://images.news.example/${index}/master.jpg?w=460" medium="image" width="460" height="276"/>
  <media:content url="https://images.news.example/${index}/master.jpg?w=140" medium="image" width="140" height="84"/>
</item>`;
}

/** An RSS 2.0 feed of `items` items. */
export function rssFeed(items) {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>News Example: World</title><link>https://news.example/world</link>
${Array.from({ length: items }, (_, index) => rssItem(index)).join('\n')}
</channel></rss>`;
}

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} origin the bench server, which serves dist/ and bench/page/
 * @param {{ growth: number }} budget
 * @returns {Promise<{ rows: import('./report.mjs').Row[], results: Record<string, unknown> }>}
 */
export async function measureFeedParse(browser, origin, budget) {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/bench/render.html`);
    const feed = rssFeed(feedItems);
    const results = await page.evaluate(async (options) => (await import('/bench/page/feed-parse.js')).measureFeedParse(options), {
      feed,
      double: rssFeed(feedItems * 2),
      base: 'https://news.example/world/feed.xml',
      warmup: 5,
      samples: 15,
    });
    const kB = `${Math.round(feed.length / 1000)} kB`;
    const rows = [
      {
        figure: `parseFeed: ${feedItems}-item RSS 2.0 (${kB})`,
        value: `${Math.round((feedItems / results.parseMs) * 1000).toLocaleString('en')} items/s (${results.parseMs.toFixed(1)} ms)`,
        baseline: `DOMParser alone ${results.domMs.toFixed(1)} ms`,
        // Every story must come through, or a fast figure means nothing.
        ok: results.stories === feedItems && results.doubleStories === feedItems * 2,
        note: `${results.stories} stories; ${(results.parseMs / results.domMs).toFixed(1)}× DOMParser's time: its parse plus reading the items (dates, entities, images, checks)`,
      },
      {
        figure: `parseFeed: time(${feedItems * 2} items) ÷ time(${feedItems})`,
        value: `${results.growth.toFixed(2)}×`,
        baseline: 'linear 2×',
        budget: `≤ ${budget.growth}×`,
        ok: results.growth <= budget.growth,
        note: 'median of paired runs, garbage collected before each',
      },
    ];
    return { rows, results };
  } finally {
    await page.close();
  }
}
