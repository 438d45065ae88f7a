// How the text readers' time grows with hostile input: for each reader, several inputs built to
// make a parser backtrack or rescan, timed from 15.6 kB doubling to 1 MB on the built `dist/`
// (median of several warmed-up samples of CPU time).
// Linear work doubles its time per doubling; the budget allows 2.5×.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { adversarialText, collectGarbage } from './credits.mjs';

/** Input sizes in characters: 1 MB and six halvings below it. */
export const growthSizes = Array.from({ length: 7 }, (_, index) => 1_000_000 / 2 ** (6 - index));

/** `unit` repeated to exactly `size` characters, after `prefix`. */
const fill =
  (unit, prefix = '') =>
  (size) =>
    (prefix + unit.repeat(Math.ceil(size / unit.length))).slice(0, size);

/** Hostile inputs per reader: what would make each rescan or backtrack. */
const inputs = {
  parseCredits: {
    'mixed role words, "in", commas, brackets': adversarialText,
    '"By " repeated': fill('By '),
    '"Reporting by A in B; " repeated': fill('Reporting by Ann Lee in Paris; '),
    'commas and spaces': fill(', ,  '),
    'unclosed brackets': fill('(Reporting by A '),
    '"and " repeated': fill('and '),
    colons: fill('Writing: '),
    'nested quotes': fill('"\'“‘ '),
  },
  parseArticleText: {
    'one line of "By " repeated': fill('By ', 'Headline\n\n'),
    'many colons': fill('a:', 'Headline\n\n'),
    'key: value lines': fill('Updated: Nov. 3, 2023\n', 'Headline\n\n'),
    digits: fill('1', 'Headline\n\n'),
    'blank lines': fill('\n'),
    'unclosed tags': fill('<a ', 'Headline\n\n'),
    'spaces then a comma': fill('   ,', 'Headline\n\nBy A'),
    'credit lines': fill('Reporting by A in B and C, ', 'Headline\n\n'),
    'list items': fill('- 1. * x\n', 'Headline\n\n'),
    'nested quotes': fill('"\'“‘> ', 'Headline\n\n'),
    'dateline capitals': fill('AB ', 'Headline\n\n'),
  },
  parseLooseDate: {
    digits: fill('1'),
    'dashes between digits': fill('2023-'),
    'month names': fill('November '),
    spaces: fill(' ', 'Nov. 3, 2023'),
  },
  parseFeed: {
    'JSON Feed, titles of unclosed tags': (size) => jsonFeed(size, '<a'),
    'JSON Feed, titles of unclosed scripts': (size) => jsonFeed(size, '<script'),
    'JSON Feed, titles of entities': (size) => jsonFeed(size, '&#x1;&amp'),
    'XML, a DOCTYPE that never closes': fill(' ', '<!DOCTYPE rss PUBLIC "a" '),
    'XML, DOCTYPEs repeated': fill('<!DOCTYPE rss>', '<rss>'),
    'XML, a quote that never closes': fill('>', '<!DOCTYPE rss SYSTEM "'),
    // Node has no DOMParser: the first reading fails, so the mending of every & is what is timed.
    'XML, bare & to mend': fill('a & b ', '<rss>'),
    'XML, HTML entities to mend': fill('&rsquo;&mdash;&bogus;', '<rss>'),
    'XML, unclosed CDATA': fill('<![CDATA[ & ', '<rss>'),
  },
};

/** A JSON Feed of one item whose title and summary are `unit` repeated, `size` characters in all. */
function jsonFeed(size, unit) {
  const text = unit.repeat(Math.ceil(size / 2 / unit.length)).slice(0, size / 2);
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ url: 'https://a.example/', title: text, summary: text }] });
}

/** Samples per measurement: their median counts, so one garbage collection or scheduler hiccup does not. */
const samples = 7;
/**
 * Alternating pairs of the two top sizes: the median of their ratios is the figure. Fewer (7) with
 * no collection between samples read parseCredits at 2.3× on a quiet machine and 2.8× under load.
 */
const pairs = 15;
/** Each sample repeats the call until it lasts this long, so timer resolution and tiny inputs do not count. */
const sampleMs = 10;

/** Calls `work(input)` once; refused input (a LedeError) or Node's missing DOMParser counts as work done. */
function call(work, input) {
  try {
    work(input);
  } catch {
    // The time to get there counts.
  }
}

/**
 * CPU milliseconds for one call of `work(input)`: warmed up first (the JIT compiles the reader at
 * this input's shape), then the median of `samples` samples, each repeating the call for at least
 * `sampleMs`. CPU time, not `performance.now()`: on this shared machine the clock also counts the
 * time other processes hold the cores, which swung single doublings from 0.2× to 17×.
 */
export function timePerCall(work, input) {
  const sample = calibratedSampler(work, input);
  sample();
  const times = Array.from({ length: samples }, sample).sort((a, b) => a - b);
  return times[samples >> 1];
}

/**
 * A function that times `work(input)` in CPU ms per call, repeating it so one sample lasts
 * `sampleMs` (the calibration warms it up). Garbage is collected before each sample, untimed, so a
 * call never pays for the garbage the call before it left (a megabyte's tokens, at the top sizes).
 */
function calibratedSampler(work, input) {
  let repeats = 1;
  const sample = () => {
    collectGarbage();
    const start = process.cpuUsage();
    for (let index = 0; index < repeats; index += 1) call(work, input);
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000 / repeats;
  };
  while (sample() * repeats < sampleMs) repeats *= 2;
  return sample;
}

/**
 * How many times longer `work` takes on `large` than on `small`: samples of the two alternate,
 * which goes first alternating too, and the median of each pair's ratio counts, so load that
 * drifts over the run cancels.
 */
export function timeRatio(work, small, large) {
  const [smallSample, largeSample] = [calibratedSampler(work, small), calibratedSampler(work, large)];
  const ratios = Array.from({ length: pairs }, (_, index) => {
    if (index % 2 === 1) {
      const first = largeSample();
      return first / smallSample();
    }
    const first = smallSample();
    return largeSample() / first;
  }).sort((a, b) => a - b);
  return ratios[pairs >> 1];
}

/** Stop timing an input once one call takes this long: it is far over budget already. */
const giveUpMs = 5_000;

/**
 * @param {string} root
 * @param {{ growth: number, ms: number }} budget per-doubling growth and time at 1 MB
 * @param {string} [only] time only the inputs of this reader
 * @returns {Promise<{ rows: import('./report.mjs').Row[], data: Record<string, Record<string, number[]>> }>}
 */
export async function measureGrowth(root, budget, only) {
  const load = (file) => import(pathToFileURL(join(root, 'dist', file)).href);
  const readers = {
    parseCredits: (await load('credits.js')).parseCredits,
    parseArticleText: (await load('article-text.js')).parseArticleText,
    parseLooseDate: (await load('text/dates.js')).parseLooseDate,
    parseFeed: (await load('formats/feeds.js')).parseFeed,
  };
  const rows = [];
  const data = {};
  for (const [reader, cases] of Object.entries(inputs)) {
    if (only && reader !== only) continue;
    data[reader] = {};
    let worst;
    for (const [name, input] of Object.entries(cases)) {
      const times = [];
      for (const size of growthSizes) {
        times.push(timePerCall(readers[reader], input(size)));
        if (times.at(-1) > giveUpMs) break;
      }
      data[reader][name] = times;
      const steps = times.slice(1).map((time, index) => time / times[index]);
      // The top doubling: where superlinear work outgrows the constant costs, and where every
      // string involved is past V8's large-object size (128 kB). Crossing it costs V8 a one-time
      // step (JSON.parse alone of a feed of two 250 kB titles takes 35× its time at 250 kB, then
      // doubles), which is the platform's, not a reader's; the note shows every doubling.
      const growth = times.length === growthSizes.length ? timeRatio(readers[reader], input(growthSizes.at(-2)), input(growthSizes.at(-1))) : Infinity;
      if (!worst || growth > worst.growth) worst = { name, growth, steps, ms: times.length === growthSizes.length ? times.at(-1) : Infinity };
    }
    rows.push({
      figure: `${reader}: growth per doubling, 500 kB → 1 MB`,
      value: `${worst.growth.toFixed(2)}×`,
      baseline: 'linear 2×',
      budget: `≤ ${budget.growth}×`,
      ok: worst.growth <= budget.growth,
      note: `worst of ${Object.keys(cases).length} inputs: ${worst.name}; each doubling from 15.6 kB: ${worst.steps.map((step) => step.toFixed(1)).join(' ')}`,
    });
    rows.push({
      figure: `${reader}: 1 MB of that input`,
      value: Number.isFinite(worst.ms) ? `${worst.ms.toFixed(worst.ms < 10 ? 2 : 1)} ms` : `over ${giveUpMs} ms`,
      budget: `≤ ${budget.ms} ms`,
      ok: worst.ms <= budget.ms,
    });
  }
  return { rows, data };
}
