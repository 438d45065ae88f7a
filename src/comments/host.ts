import type { ReactiveControllerHost } from 'lit';
import type { Catalog, Messages, MessageSource } from '../shared/messages.js';
import type { CommentProvider, CommentSort } from './provider.js';

/**
 * What the thread and form use of `<lede-comments>`: its public properties and the thread it
 * resolved. Typed apart from the element so the view, which the element loads, never imports it.
 */
export interface CommentsHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly provider?: CommentProvider;
  readonly backend: 'rest' | 'local';
  readonly endpoint: string;
  /** The sort menu sets it. */
  sort: CommentSort;
  readonly pageSize: number;
  readonly timeout: number;
  readonly threadId: string | undefined;
  /** When the page says the thread opened (ISO 8601), sent with posts. */
  readonly opened?: string;
  /** The site's sign-in token for the reader (the default REST backend sends it). */
  readonly token?: string;
  /** Asked for the token before each signed request, and once more when it has expired; wins over `token`. */
  readonly tokenProvider?: () => string | null | Promise<string | null>;
  /** Whether the thread follows changes as they happen; milliseconds between polls without a stream. */
  readonly live: boolean;
  readonly pollInterval: number;
  /** Whether the form offers reply notifications by mail. */
  readonly notifications: boolean;
}

/** The element's own language, which the view follows rather than watching `lang` a second time. */
export interface CommentsLanguage {
  locale(): string;
  /** The catalog in that language; undefined while it loads (the element updates when it has). */
  messages<T extends MessageSource>(catalog: Catalog<T>): Messages<T> | undefined;
}
