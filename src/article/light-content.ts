import type { Article } from '../model.js';
import { parseIsoDate } from '../shared/format.js';
import { parseJson } from '../shared/validate.js';
import { isUnslottedContent, slotText } from '../shared/light-dom.js';
import { generatedJsonLdAttribute } from './json-ld-marker.js';

/** Runs work when the browser has nothing better to do, or within two seconds. */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 1);
}

/** What the server-rendered light DOM holds, read once per change rather than on every render. */
export interface LightContent {
  /** Header slots that have slotted content. */
  slots: Set<string>;
  /** Unslotted body content (paragraphs, figures) exists. */
  hasBody: boolean;
  /** A `<lede-byline>` fills the byline slot: it shows the dateline on its line. */
  bylineElement: boolean;
  /** The article as far as the light DOM tells it, for JSON-LD and reading time. */
  article?: Article;
  bodyText: string;
}

export const noLightContent: LightContent = { slots: new Set(), hasBody: false, bylineElement: false, bodyText: '' };

/** Reads the server-rendered light DOM of `<lede-article>`. */
export function readLightContent(host: HTMLElement): LightContent {
  // Elements made from data have no children: skip the selector queries below.
  if (!host.firstChild) return noLightContent;
  const slots = new Set<string>();
  for (const child of host.children) if (child.slot) slots.add(child.slot);
  const bodyNodes = [...host.childNodes].filter(isUnslottedContent);
  const bodyText = bodyNodes
    .map((node) => node.textContent ?? '')
    .join('\n\n')
    .trim();
  const times = [...host.querySelectorAll(':scope > [slot="date"] time[datetime], :scope > time[slot="date"][datetime]')]
    .map((time) => time.getAttribute('datetime') ?? '')
    .filter((value) => parseIsoDate(value));
  const headline = slotText(host, 'headline');
  const byline = slotText(host, 'byline')?.replace(/^by\s+/i, '');
  return {
    slots,
    hasBody: bodyNodes.length > 0,
    bylineElement: !!host.querySelector(':scope > lede-byline[slot="byline"]'),
    bodyText,
    article: headline
      ? {
          headline,
          kicker: slotText(host, 'kicker'),
          dek: slotText(host, 'dek'),
          byline,
          dateline: slotText(host, 'dateline'),
          datePublished: times[0],
          dateModified: times[1],
        }
      : undefined,
  };
}

/**
 * The page's own JSON-LD children (not the one the element wrote), parsed: one block's data, an
 * array of several blocks (the reader picks the article among them), or undefined for none.
 * @throws {LedeError} `invalid-json` when a block is not JSON.
 */
export function inlineJsonLd(host: HTMLElement): unknown {
  if (!host.firstElementChild) return undefined;
  const scripts = host.querySelectorAll(`:scope > script[type="application/ld+json"]:not([${generatedJsonLdAttribute}])`);
  const blocks = [...scripts].map((script) => parseJson(script.textContent ?? ''));
  return blocks.length > 1 ? blocks : blocks[0];
}
