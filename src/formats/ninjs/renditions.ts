/**
 * ninjs renditions → the one a page shows: a picture as a figure, a video (with a still as its
 * poster) or an audio clip. Renditions are an array (3.x) or an object keyed by name (1.x/2.x);
 * their type is `contentType` (3.x), `contenttype` (2.x) or `mimetype` (1.x).
 * Pure: no DOM.
 * @module
 */
import type { ArticleBlock, ImageRef } from '../../model.js';
import type { DropLog } from '../../shared/leniency.js';
import { isObject, type Json } from '../../shared/validate.js';
import { text } from '../mapping.js';

type Kind = 'image' | 'video' | 'audio';

interface Rendition {
  href: string;
  kind?: Kind;
  width?: number;
  height?: number;
}

/** Widest rendition worth sending to a page; wider ones are for print and weigh megabytes. */
const widestUseful: Record<Kind, number> = { image: 2048, video: 1920, audio: Infinity };

/** A positive size from a number or a string of digits (1.x feeds write `"width": "172"`). */
export function positive(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}

/** The values of an array, or of an object keyed by name. */
export function entries(value: unknown): unknown[] {
  return Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
}

function kindOf(rendition: Json): Kind | 'other' | undefined {
  const type = text(rendition.contentType ?? rendition.contenttype ?? rendition.mimetype)?.toLowerCase();
  if (!type) return undefined;
  const kind = type.split('/')[0];
  return kind === 'image' || kind === 'video' || kind === 'audio' ? kind : 'other';
}

function renditions(item: Json): Rendition[] {
  return entries(item.renditions)
    .filter(isObject)
    .flatMap((rendition) => {
      const href = text(rendition.href);
      const kind = kindOf(rendition);
      // A download of the text (AP's `caption_nitf`) is no media.
      if (!href || kind === 'other') return [];
      return [{ href, kind, width: positive(rendition.width), height: positive(rendition.height) }];
    });
}

/**
 * The rendition of `kind` to show: the widest one a page needs, else the narrowest of the rest.
 * A rendition with no type counts as `fallback` (a picture's renditions often name none).
 */
function best(list: Rendition[], kind: Kind, fallback?: Kind): Rendition | undefined {
  const candidates = list.filter((rendition) => (rendition.kind ?? fallback) === kind);
  const fits = candidates.filter((rendition) => (rendition.width ?? 0) <= widestUseful[kind]);
  const width = (rendition: Rendition) => rendition.width ?? 0;
  // Of equal widths (audio has none) the first listed wins: agencies list the main rendition first.
  const widest = fits.reduce<Rendition | undefined>((best, rendition) => (!best || width(rendition) > width(best) ? rendition : best), undefined);
  return widest ?? candidates.reduce<Rendition | undefined>((best, rendition) => (!best || width(rendition) < width(best) ? rendition : best), undefined);
}

function image(rendition: Rendition, alt: string | undefined): ImageRef {
  return { url: rendition.href, alt, width: rendition.width, height: rendition.height };
}

/** Words about a picture or clip, and who made it. */
export interface MediaText {
  caption?: string;
  credit?: string;
}

/**
 * The block that shows a picture, video or audio item (or association) from its best rendition,
 * or undefined, noted in `log`, when it has none a page can show.
 */
export function mediaBlock(item: Json, words: MediaText, log?: DropLog, field = 'renditions'): ArticleBlock | undefined {
  const list = renditions(item);
  const type = text(item.type)?.toLowerCase();
  const kind: Kind = type === 'video' || type === 'audio' ? type : list.some((rendition) => rendition.kind === 'video') ? 'video' : 'image';
  const main = best(list, kind, kind === 'image' ? 'image' : undefined);
  const { caption, credit } = words;
  if (!main) {
    log?.drop(field, `"${field}" has no ${kind === 'image' ? 'picture' : kind} rendition with an "href".`);
    return undefined;
  }
  if (kind === 'image') return { type: 'figure', image: image(main, caption ?? ''), caption, credit };
  const still = kind === 'video' ? best(list, 'image') : undefined;
  return {
    type: 'media',
    kind,
    url: main.href,
    poster: still && image(still, ''),
    width: main.width,
    height: main.height,
    caption,
    credit,
  };
}
