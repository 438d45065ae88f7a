import type { ReactiveControllerHost } from 'lit';
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
}
