import { LedeError } from './errors.js';

/** Longest HTML body Lede sanitizes, in characters (a very long article is under 200,000). */
export const maxHtmlLength = 1_000_000;
/** Most start tags in an HTML body: parsing and sanitizing cost grows with them. */
export const maxHtmlTags = 10_000;
/**
 * Most elements the HTML parser may reopen: formatting elements left open are recreated after
 * every block that closes them, so 1,000 open `<b>`s and 1,000 `</p><p>` (18 kB) make a million
 * elements, and crash a Chromium tab. Bounded as (most formatting elements open at another
 * element's tag, where the parser may close them unasked) × tags.
 */
export const maxReopened = 20_000;

/** Regions whose tags the parser reads as text: comments and raw-text elements. */
const inert = /<!--[\s\S]*?(?:--!?>|$)|<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)\b[\s\S]*?(?:<\/\1[\s/>]|$)|<plaintext\b[\s\S]*/gi;
const tag = /<(\/?)([a-z][^\s/>]*)/gi;
/** The elements the parser keeps in its list of active formatting elements. */
const formatting = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

/**
 * Counts start tags and the most formatting elements open at a tag of another element, erring
 * high: a tag in a comment or raw text counts when it opens (in SVG a `<style>` is not raw text)
 * but never when it closes.
 */
function measure(html: string): { tags: number; open: number } {
  const openByName = new Map<string, number>();
  let tags = 0;
  let open = 0;
  let peak = 0;
  const visit = (source: string, closes: boolean) => {
    for (const [, slash, name] of source.matchAll(tag)) {
      const lower = name!.toLowerCase();
      const count = openByName.get(lower) ?? 0;
      if (!slash) tags++;
      if (!formatting.has(lower)) {
        peak = Math.max(peak, open);
      } else if (!slash) {
        openByName.set(lower, count + 1);
        open++;
      } else if (closes && count > 0) {
        openByName.set(lower, count - 1);
        open--;
      }
    }
  };
  let last = 0;
  for (const region of html.matchAll(inert)) {
    visit(html.slice(last, region.index), true);
    visit(region[0], false);
    last = region.index + region[0].length;
  }
  visit(html.slice(last), true);
  return { tags, open: peak };
}

/**
 * Refuses HTML that would take the browser's parser or the sanitizer seconds, or crash the tab,
 * before any of it is parsed: throws a `too-large` `LedeError` naming the limit.
 */
export function checkHtmlBounds(html: string): void {
  const refuse = (what: string) => {
    throw new LedeError('too-large', `The HTML body was not shown: ${what}.`);
  };
  if (html.length > maxHtmlLength) refuse(`it is ${html.length} characters long, over ${maxHtmlLength}`);
  const { tags, open } = measure(html);
  if (tags > maxHtmlTags) refuse(`it has ${tags} tags, over ${maxHtmlTags}`);
  if (open * tags > maxReopened) refuse(`${open} formatting elements left open × ${tags} tags could make the parser reopen over ${maxReopened} elements`);
}
