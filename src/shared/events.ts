import type { Article } from '../model.js';
import type { LedeError } from './errors.js';

/**
 * Fired when an element could not use its input: malformed data, a failed request, a timeout.
 * The element shows an error state (or nothing, with `on-error="hide"`) and never throws.
 * Bubbles; does not cross shadow roots.
 */
export class LedeErrorEvent extends Event {
  static readonly eventName = 'lede-error';
  readonly error: LedeError;

  constructor(error: LedeError) {
    super(LedeErrorEvent.eventName, { bubbles: true });
    this.error = error;
  }
}

/** Tells the page what an element could not use: a console warning that names the element, and a `lede-error` event. */
export function reportError(host: HTMLElement, error: LedeError): void {
  console.warn(`${host.localName}: ${error.message}`);
  host.dispatchEvent(new LedeErrorEvent(error));
}

/** Fired by `<lede-article>` each time it has resolved new article data from any source. Bubbles. */
export class LedeArticleLoadEvent extends Event {
  static readonly eventName = 'lede-article-load';
  readonly article: Article;

  constructor(article: Article) {
    super(LedeArticleLoadEvent.eventName, { bubbles: true });
    this.article = article;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lede-error': LedeErrorEvent;
    'lede-article-load': LedeArticleLoadEvent;
  }
}
