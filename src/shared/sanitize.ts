import { safeUrl } from './url.js';

/** Elements an article body never needs and that would let data reach beyond its text. */
const forbiddenElements = ['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'template', 'noscript'];
/** Attributes that carry URLs, checked against `safeUrl` after sanitising. */
const urlAttributes = ['href', 'src', 'cite', 'poster', 'action', 'formaction', 'xlink:href'];

interface SetHtmlCapable {
  setHTML(html: string, options?: { sanitizer?: unknown }): void;
}

function hasSanitizerApi(element: Element): element is Element & SetHtmlCapable {
  return typeof (element as Partial<SetHtmlCapable>).setHTML === 'function';
}

/** Which sanitizer to use; `auto` picks the browser's Sanitizer API and falls back to DOMPurify. */
export type SanitizerChoice = 'auto' | 'dompurify';

/**
 * Turns untrusted HTML into a safe element ready to insert: no scripts, no event handlers, no
 * frames or forms, no `style`, and only `http(s)` URLs. Uses the browser's HTML Sanitizer API
 * where it exists; otherwise loads DOMPurify on first use, so pages that never render HTML
 * bodies never download it.
 */
export async function sanitizeHtml(html: string, choice: SanitizerChoice = 'auto'): Promise<HTMLElement> {
  const container = document.createElement('div');
  if (choice === 'auto' && hasSanitizerApi(container)) {
    try {
      container.setHTML(html, { sanitizer: { removeElements: forbiddenElements, removeAttributes: ['style'] } });
      return finish(container);
    } catch {
      // An older Sanitizer API shape: fall through to DOMPurify rather than guess.
    }
  }
  const { default: DOMPurify } = await import('dompurify');
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: forbiddenElements,
    FORBID_ATTR: ['style'],
    // Same result as the Sanitizer API: new-tab links stay, and finish() makes them noopener.
    ADD_ATTR: ['target'],
  });
  container.replaceChildren(fragment);
  return finish(container);
}

/** The checks both sanitizers get: URL schemes, safe new-tab links, lazy images. */
function finish(container: HTMLElement): HTMLElement {
  for (const element of container.querySelectorAll('*')) {
    for (const name of urlAttributes) {
      const value = element.getAttribute(name);
      if (value !== null && !safeUrl(value)) element.removeAttribute(name);
    }
    element.removeAttribute('srcset');
    if (element instanceof HTMLAnchorElement && element.target) element.rel = 'noopener noreferrer';
    if (element instanceof HTMLImageElement) {
      element.loading = 'lazy';
      element.decoding = 'async';
    }
  }
  return container;
}
