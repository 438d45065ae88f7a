// Parse throughput of the built `lede-elements/credits.js`, in this Node process: realistic credit lines per
// second, and the time for 1 MB of adversarial text, each beside a trivial split of the same text
// measured a moment apart (the floor any parser has to scan).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { quantile } from './report.mjs';

/** Credit lines in the forms wire services and newspapers print (see docs/credits.md). */
export const creditLines = [
  '(Reporting by Jonathan Saul in London; Additional reporting by Yuka Obayashi in Tokyo; Writing by Simon Lewis; Editing by Alex Richardson and Jan Harvey)',
  'This article includes reporting from Nidal al-Mughrabi in Gaza, Ali Sawafta in Ramallah, Dan Williams, Emily Rose, Maytaal Angel in Jerusalem, Clauda Tanios in Dubai, and Patricia Zengerle, Phil Stewart, and Idrees Ali in Washington. The article was written by Michael Perry and Angus MacSwan, with editing by Miral Fahmy and Andrew Cawthorne.',
  'Associated Press writers Aamer Madhani in Washington and Josef Federman in Jerusalem contributed to this report.',
  'Reporting by David Shepardson in Washington, D.C., Tim Reid in Springfield, Illinois and Wendell Roelf in Cape Town, South Africa; Editing by Leslie Adler',
  '(Reporting by Pawel Florkiewicz and Anna Wlodarczak-Semczuk) (Compiled by the Gdansk Newsroom; Editing by)',
  'Isabel Kershner reported from Jerusalem, and Patrick Kingsley from Tel Aviv. Research was contributed by Susan C. Beachy.',
  'Graphics by Ann Wu & Bo Li. Photos by Tom Lee/Reuters. (Sources: company reports, Reuters data)',
];

/** 1 MB of the pieces that make naive parsers backtrack: role words without names, "in" chains, commas, brackets. */
export function adversarialText(length = 1_000_000) {
  const pieces = ['Reporting by ', 'A ', 'in ', 'B, ', 'C. ', 'D.C., ', '(', 'and ', '& ', '/ ', 'contributed ', 'by ', 'Jr., ', ': ', 'al-', "O'"];
  let state = 11;
  let text = '';
  while (text.length < length) {
    state = (state * 1664525 + 1013904223) >>> 0;
    text += pieces[state % pieces.length];
  }
  return text.slice(0, length);
}

// Collect garbage before each timed run, so one run does not pay for the last one's tokens.
setFlagsFromString('--expose-gc');
export const collectGarbage = /** @type {() => void} */ (runInNewContext('gc'));

/** The baseline: split on the list separators, the least a credits reader must do. */
const trivialSplit = (/** @type {string} */ text) =>
  text
    .split(/[;,()]| and /)
    .map((part) => part.trim())
    .filter(Boolean).length;

/**
 * Runs each named piece of work in turn, `warmup` times unrecorded and then `samples` times, with
 * garbage collected before each run, so all see the same moments of the machine.
 * @template {string} K
 * @param {Record<K, () => unknown>} works @param {number} warmup @param {number} samples
 * @returns {Record<K, number[]>} milliseconds per run, in order
 */
function timeInTurn(works, warmup, samples) {
  const times = /** @type {Record<K, number[]>} */ (Object.fromEntries(Object.keys(works).map((name) => [name, []])));
  for (let index = 0; index < warmup + samples; index++) {
    for (const [name, work] of /** @type {[K, () => unknown][]} */ (Object.entries(works))) {
      collectGarbage();
      const start = performance.now();
      work();
      const elapsed = performance.now() - start;
      if (index >= warmup) times[name].push(elapsed);
    }
  }
  return times;
}

const median = (/** @type {number[]} */ values) => quantile(values, 0.5);

/**
 * @param {string} root
 * @returns {Promise<{ linesPerSecond: number, splitLinesPerSecond: number, adversarialMs: number, adversarialSplitMs: number, growth: number, credits: number }>}
 */
export async function measureParse(root) {
  const { parseCredits } = await import(pathToFileURL(join(root, 'dist/credits.js')).href);
  const batch = Array.from({ length: 1000 }, (_, index) => creditLines[index % creditLines.length]);
  let credits = 0;
  for (const line of creditLines) credits += parseCredits(line).length;
  const lines = timeInTurn({ parse: () => batch.forEach((line) => parseCredits(line)), split: () => batch.forEach((line) => trivialSplit(line)) }, 5, 30);
  const text = adversarialText();
  const half = text.slice(0, text.length / 2);
  const adversarial = timeInTurn({ full: () => parseCredits(text), half: () => parseCredits(half), split: () => trivialSplit(text) }, 2, 15);
  // How time grows with length: the median of each full run over the half run next to it.
  const growth = median(adversarial.full.map((time, index) => time / (adversarial.half[index] ?? Number.NaN)));
  return {
    linesPerSecond: (batch.length / median(lines.parse)) * 1000,
    splitLinesPerSecond: (batch.length / median(lines.split)) * 1000,
    adversarialMs: median(adversarial.full),
    adversarialSplitMs: median(adversarial.split),
    growth,
    credits,
  };
}
