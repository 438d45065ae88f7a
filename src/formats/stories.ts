/**
 * `Story` teasers from untrusted data: validation, and choosing which to show. No DOM; runs in
 * Node. Items that cannot be used (no `http(s)` link, no title) are left out with a reason, never
 * failing the whole list. Text stays text: it is rendered as written, never as markup (the feed
 * parsers reduce HTML in feeds to its words before it gets here).
 * @module
 */
import type { ImageRef, Story } from '../model.js';
import { parseIsoDate } from '../shared/format.js';
import { safeUrl } from '../shared/url.js';
import type { DropLog } from '../shared/leniency.js';
import { isObject } from '../shared/validate.js';
/** A string with its white space folded, or undefined when empty or not a string. */
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() || undefined : undefined);

/** Whether an optional field holds anything at all: absent, null and empty strings are simply not there. */
const given = (value: unknown) => value != null && value !== '';

/** A value quoted for a drop's reason, kept short. */
const quoted = (value: unknown) => {
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
};

function readImage(value: unknown, base?: string): ImageRef | undefined {
  const image = isObject(value) ? value : { url: value };
  const url = safeUrl(image.url, base);
  if (!url) return undefined;
  const ref: ImageRef = { url, alt: typeof image.alt === 'string' ? image.alt : '' };
  if (typeof image.width === 'number' && typeof image.height === 'number') Object.assign(ref, { width: image.width, height: image.height });
  return ref;
}

/**
 * One candidate item as a `Story`, or the reason it is unusable: a missing or unsafe URL or an
 * empty title. An optional field that is there but unusable (an image that is not `http(s)`, a
 * date that is not ISO 8601, text that is not a string) is left out and noted in `log` under `at`.
 */
export function toStory(item: unknown, base?: string, log?: DropLog, at = 'item'): Story | string {
  if (!isObject(item)) return 'not an object';
  const url = safeUrl(item.url, base);
  if (!url) return 'no http(s) url';
  const title = text(item.title);
  if (!title) return 'no title';
  const story: Story = { url, title };
  if (given(item.image)) {
    const image = readImage(item.image, base);
    if (image) story.image = image;
    else log?.drop(`${at}.image`, `not an http(s) image: ${quoted(isObject(item.image) ? item.image.url : item.image)}`);
  }
  for (const key of ['kicker', 'section', 'excerpt', 'author'] as const) {
    const value = text(item[key]);
    if (value) story[key] = value;
    else if (given(item[key]) && typeof item[key] !== 'string') log?.drop(`${at}.${key}`, `not text: ${quoted(item[key])}`);
  }
  if (given(item.datePublished)) {
    if (parseIsoDate(item.datePublished)) story.datePublished = item.datePublished as string;
    else log?.drop(`${at}.datePublished`, `not a date Lede reads (ISO 8601 or RFC 822): ${quoted(item.datePublished)}`);
  }
  return story;
}

/** Reads a list of candidate stories, keeping the usable ones; the rest, and unusable optional fields, go to `log` as `items[3]`, `items[3].image`. */
export function readStories(items: readonly unknown[], base?: string, log?: DropLog, at = 'items'): Story[] {
  const stories: Story[] = [];
  items.forEach((item, index) => {
    const story = toStory(item, base, log, `${at}[${index}]`);
    if (typeof story === 'string') log?.drop(`${at}[${index}]`, story);
    else stories.push(story);
  });
  return stories;
}

/**
 * A normalized URL (as `safeUrl` returns it) reduced to what identifies the page: no fragment, no
 * `utm_*` parameters, no trailing slash.
 */
export function storyKey(url: string): string {
  // String work on an already normalized href: a URL object per story would cost more than the render.
  return url
    .replace(/#.*/, '')
    .replace(/[?&]utm_[^&]*/g, '')
    .replace(/^([^?]*)&/, '$1?')
    .replace(/\/(?=$|\?)/, '');
}

/** The stories to show: the excluded pages and repeated URLs left out, at most `max`. */
export function selectStories(stories: readonly Story[], exclude: readonly (string | undefined)[], max: number): Story[] {
  const seen = new Set(
    exclude
      .map((url) => safeUrl(url))
      .filter((url): url is string => !!url)
      .map(storyKey),
  );
  const result: Story[] = [];
  for (const story of stories) {
    const key = storyKey(story.url);
    if (result.length >= max) break;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(story);
  }
  return result;
}
