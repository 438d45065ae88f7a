import type { ReactiveControllerHost } from 'lit';
import type { CommentProvider, CommentSort } from './provider.js';

/**
 * What the comment thread's controllers see of `<lede-comments>`: its settings, its render root and
 * the update cycle, never the element class (which loads them lazily, so must not be imported back).
 */
export interface CommentsHost extends ReactiveControllerHost, HTMLElement {
  readonly threadId: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  endpoint: string;
  backend: 'rest' | 'local';
  provider?: CommentProvider;
  sort: CommentSort;
  pageSize: number;
  timeout: number;
}
