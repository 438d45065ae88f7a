import type { Article } from '../model.js';
import type { LedeError } from './errors.js';
import type { DroppedField } from './leniency.js';

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

/**
 * Fired once per load when an element read its input leniently: the document was usable, but the
 * listed optional fields were malformed and left out (a date it could not read, an image without a
 * URL). The element renders the rest; nothing is shown to readers. Bubbles.
 */
export class LedeDroppedEvent extends Event {
  static readonly eventName = 'lede-dropped';
  readonly fields: readonly DroppedField[];

  constructor(fields: readonly DroppedField[]) {
    super(LedeDroppedEvent.eventName, { bubbles: true });
    this.fields = fields;
  }
}

/** Tells the page what a lenient read left out: one console warning and one `lede-dropped` event, or nothing when nothing was dropped. */
export function reportDropped(host: HTMLElement, fields: readonly DroppedField[]): void {
  if (fields.length === 0) return;
  console.warn(`${host.localName}: left out ${fields.map(({ field }) => field).join(', ')}: ${fields[0]!.reason}`);
  host.dispatchEvent(new LedeDroppedEvent(fields));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lede-error': LedeErrorEvent;
    'lede-article-load': LedeArticleLoadEvent;
    'lede-dropped': LedeDroppedEvent;
  }
}
