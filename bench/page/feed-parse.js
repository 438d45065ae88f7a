// Feed parsing, run inside the bench page: `parseFeed` (the built dist/) against the platform's
// own `DOMParser` reading the same text, alternating after warm-up, and `parseFeed` on twice the
// feed paired with each run at once size, so load that drifts over the run cancels.

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Milliseconds for one call, garbage collected before it (the bench starts Chromium with --expose-gc). */
function time(work) {
  globalThis.gc?.();
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * @param {{ feed: string, double: string, base: string, warmup: number, samples: number }} options
 */
export async function measureFeedParse({ feed, double, base, warmup, samples }) {
  const { parseFeed } = await import('/dist/formats/feeds.js');
  const stories = parseFeed(feed, base).stories.length;
  const doubleStories = parseFeed(double, base).stories.length;
  const domParse = (text) => new DOMParser().parseFromString(text, 'application/xml').documentElement.childElementCount;
  for (let index = 0; index < warmup; index += 1) {
    parseFeed(feed, base);
    parseFeed(double, base);
    domParse(feed);
  }
  const parse = [];
  const dom = [];
  const growth = [];
  for (let index = 0; index < samples; index += 1) {
    const once = time(() => parseFeed(feed, base));
    parse.push(once);
    dom.push(time(() => domParse(feed)));
    growth.push(time(() => parseFeed(double, base)) / once);
  }
  return { stories, doubleStories, parseMs: median(parse), domMs: median(dom), growth: median(growth), samples: { parse, dom, growth } };
}
