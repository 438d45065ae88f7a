import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { formatDate } from '../shared/format.js';
import type { Messages } from '../shared/messages.js';
import type { AdminComment } from './api.js';
import type { ModerationSource } from './messages.js';
import type { QueueController } from './queue.js';

/** What the list template reads. */
export interface ListView {
  words: Messages<ModerationSource>;
  locale: string;
  items: readonly AdminComment[];
  active?: string;
  selected: ReadonlySet<string>;
}

/** Shown in the list; the detail pane has the whole text. */
const EXCERPT = 160;

export const optionId = (id: string) => `comment-${id}`;

/** Why it is in the queue, in a few words: the held reason and the reports. */
export function reasons(comment: AdminComment, words: Messages<ModerationSource>): string[] {
  const found: string[] = [];
  if (comment.heldReason) found.push(words[`held-${comment.heldReason}`]);
  if (comment.reports > 0) found.push(words.reports({ count: comment.reports }));
  return found;
}

/**
 * One comment as a listbox option: text only, no controls inside (an option may hold none), so
 * the list renders fast and reads as one line per comment. Kept to plain parts for the first
 * render of a long queue: no per-item directives, no keyed repeat (actions splice the array, and
 * Lit's default reuse is cheaper than moving nodes). The whole list is guarded: updates of the
 * rest of the console (counts, the detail pane, announcements) never walk its items.
 */
function option(comment: AdminComment, view: ListView): TemplateResult {
  const { words, locale, active, selected } = view;
  const isActive = comment.id === active;
  const body = comment.body.length > EXCERPT ? `${comment.body.slice(0, EXCERPT)}…` : comment.body;
  const why = reasons(comment, words);
  return html`<div
    role="option"
    id=${optionId(comment.id)}
    class=${isActive ? 'option active' : 'option'}
    data-id=${comment.id}
    tabindex=${isActive ? 0 : -1}
    aria-selected=${selected.has(comment.id) ? 'true' : 'false'}
  >
    <span class="who"
      ><bdi>${comment.author.name}</bdi>${comment.featured ? html` <span class="badge">${words.featured}</span>` : nothing}</span
    >
    <time datetime=${comment.createdAt}>${formatDate(comment.createdAt, locale)}</time>
    <span class="excerpt">${body}</span>
    ${why.length ? html`<span class="why">${why.join(' · ')}</span>` : nothing}
  </div>`;
}

/** What the queue panel reads and calls. */
export interface QueueView {
  words: Messages<ModerationSource>;
  locale: string;
  queue: Pick<QueueController, 'status' | 'items' | 'active' | 'selected' | 'next'>;
  onClick(event: MouseEvent): void;
  onRetry(): void;
  onMore(): void;
}

/** The queue panel: loading, failed (with a retry), empty, or the list and its "more" button. */
export function queueTemplate({ words, locale, queue, onClick, onRetry, onMore }: QueueView): TemplateResult {
  if (queue.status === 'loading') return html`<p class="loading" aria-busy="true">${words.loading}</p>`;
  if (queue.status === 'error')
    return html`<div class="error" role="alert">${words.loadError} <button type="button" @click=${onRetry}>${words.retry}</button></div>`;
  if (queue.items.length === 0) return html`<p class="empty">${words.empty}</p>`;
  const view: ListView = { words, locale, items: queue.items, active: queue.active, selected: queue.selected };
  // Keys are handled for the whole console, on the host (see its constructor).
  // eslint-disable-next-line lit-a11y/click-events-have-key-events
  return html`<div role="listbox" aria-label=${words.list} aria-multiselectable="true" @click=${onClick}>
      ${guard([queue.items, queue.active, queue.selected, words], () => queue.items.map((comment) => option(comment, view)))}
    </div>
    ${queue.next ? html`<button type="button" class="more" ?disabled=${queue.status === 'more'} @click=${onMore}>${words.more}</button>` : nothing}`;
}
