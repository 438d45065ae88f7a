/**
 * `Story` teasers from untrusted data: validation, and choosing which to show. No DOM; runs in
 * Node. Items that cannot be used (no `http(s)` link, no title) are skipped with a reason, never
 * failing the whole list. Text stays text: it is rendered as written, never as markup (the feed
 * parsers reduce HTML in feeds to its words before it gets here).
 * @module
 */
import type { ImageRef, Story } from '../model.js';
import { parseIsoDate } from '../shared/format.js';
import { safeUrl } from '../shared/url.js';
import { isObject } from '../shared/validate.js';
/** A string with its white space folded, or undefined when empty or not a string. */
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() || undefined : undefined);

/**
 * One candidate item as a `Story`, or the reason it is unusable. Optional fields of the wrong type
 * are left out; a missing or unsafe URL or an empty title skips the item.
 */
export function toStory(item: unknown, base?: string): Story | string {
  if (!isObject(item)) return 'not an object';
  const url = safeUrl(item.url, base);
  if (!url) return 'no http(s) url';
  const title = text(item.title);
  if (!title) return 'no title';
  const story: Story = { url, title };
  const image = isObject(item.image) ? item.image : { url: item.image };
  const imageUrl = safeUrl(image.url, base);
  if (imageUrl) {
    const ref: ImageRef = { url: imageUrl, alt: typeof image.alt === 'string' ? image.alt : '' };
    if (typeof image.width === 'number' && typeof image.height === 'number') Object.assign(ref, { width: image.width, height: image.height });
    story.image = ref;
  }
  const optional = {
    kicker: text(item.kicker),
    section: text(item.section),
    excerpt: text(item.excerpt),
    author: text(item.author),
    datePublished: parseIsoDate(item.datePublished) && (item.datePublished as string),
  };
  for (const [key, value] of Object.entries(optional)) if (value) Object.assign(story, { [key]: value });
  return story;
}

/** Reads a list of candidate stories, keeping the usable ones and naming the rest. */
export function readStories(items: readonly unknown[], base?: string): { stories: Story[]; skipped: string[] } {
  const stories: Story[] = [];
  const skipped: string[] = [];
  items.forEach((item, index) => {
    const story = toStory(item, base);
    if (typeof story === 'string') skipped.push(`item ${index + 1}: ${story}`);
    else stories.push(story);
  });
  return { stories, skipped };
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
