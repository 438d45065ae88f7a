/**
 * Media blocks as HTML, for items whose body is HTML: a picture, video or audio item, or a
 * composite's further pictures, go into the body beside it. Every value is escaped and every URL
 * checked here, and the body is sanitized before it reaches the page like any other.
 * Pure: no DOM.
 * @module
 */
import type { ArticleBlock } from '../../model.js';
import { safeUrl } from '../../shared/url.js';

/** `url` as written when it is http(s) or relative; the page resolves it against its own address. */
const checked = (url: string) => (safeUrl(url) ? url : undefined);
const escape = (value: string) => value.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
}

function caption(block: { caption?: string; credit?: string }): string {
  if (!block.caption && !block.credit) return '';
  const credit = block.credit ? `<span class="credit">${escape(block.credit)}</span>` : '';
  return `<figcaption>${escape(block.caption ?? '')}${credit}</figcaption>`;
}

/** A figure for each picture, video or audio block; other blocks are not media and give nothing. */
export function mediaHtml(blocks: readonly ArticleBlock[]): string {
  return blocks
    .map((block) => {
      if (block.type === 'figure') {
        const src = checked(block.image.url);
        const { alt, width, height } = block.image;
        return src ? `<figure><img${attributes({ src, alt: alt ?? '', width, height })}>${caption(block)}</figure>` : '';
      }
      if (block.type !== 'media') return '';
      const src = checked(block.url);
      const poster = block.poster && checked(block.poster.url);
      const size = block.kind === 'video' ? { width: block.width, height: block.height } : {};
      return src ? `<figure><${block.kind} controls preload="none"${attributes({ src, poster, ...size })}></${block.kind}>${caption(block)}</figure>` : '';
    })
    .join('');
}
