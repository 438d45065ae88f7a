import { checkHtmlBounds } from './html-bounds.js';
import { safeUrl } from './url.js';

/**
 * Elements an article body never needs and that would let data reach beyond its text: scripts and
 * style sheets (in any namespace), frames, plugins, forms, and legacy elements that move or blink.
 */
const forbiddenElements = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'template',
  'noscript',
  'marquee',
  'blink',
  'isindex',
  'keygen',
];
/** `style` is CSS from data; `srcset` picks sources and `ping` sends beacons no reader asked for. */
const forbiddenAttributes = ['style', 'srcset', 'ping'];
/** Attributes DOMPurify lets carry a `data:` URL on media elements; `safeUrl` has the last word. */
const dataUrlAttributes = ['src', 'href', 'xlink:href'];
/** Schemes any URL attribute may use: http(s), or none (a relative URL). */
const allowedUrl = /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/**
 * Turns untrusted HTML into a safe element ready to insert, the same in every engine: DOMPurify,
 * loaded on first use so pages that never render HTML bodies never download it. No scripts, event
 * handlers, styles, custom elements, frames or forms survive; URLs are `http(s)` or relative; ids
 * and names are prefixed so they cannot shadow `document` properties; new-tab links get no opener.
 *
 * HTML over the limits in `html-bounds.ts` (1,000,000 characters, 10,000 tags, elements the parser
 * would reopen) is refused with a `too-large` `LedeError` before it is parsed.
 *
 * The browser's own `setHTML` is not used: with a custom configuration it crashed Chromium 156 on
 * some event-handler attributes, and its rules differ by engine.
 */
export async function sanitizeHtml(html: string): Promise<HTMLElement> {
  checkHtmlBounds(html);
  const { default: DOMPurify } = await import('dompurify');
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: forbiddenElements,
    FORBID_ATTR: forbiddenAttributes,
    ADD_ATTR: ['target'],
    ALLOWED_URI_REGEXP: allowedUrl,
    SANITIZE_NAMED_PROPS: true,
  });
  const container = document.createElement('div');
  container.replaceChildren(fragment);
  for (const element of container.querySelectorAll('*')) {
    for (const name of dataUrlAttributes) {
      const value = element.getAttribute(name);
      if (value !== null && !safeUrl(value)) element.removeAttribute(name);
    }
    if (element instanceof HTMLAnchorElement || element instanceof HTMLAreaElement) {
      if (element.target) element.rel = 'noopener noreferrer';
    } else {
      // An SVG link has no `rel` to deny it the opener.
      element.removeAttribute('target');
    }
    if (element instanceof HTMLImageElement) {
      element.loading = 'lazy';
      element.decoding = 'async';
    }
  }
  return container;
}
