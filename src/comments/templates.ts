/**
 * The thread's templates: pure functions of what a `CommentsUi` holds, calling back into it on
 * every event. Parts, slots and ids are the element's public surface (see lede-comments.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LIMITS } from 'lede-protocol/limits.js';
import type { Comment } from '../model.js';
import { formatDate, formatRelativeTime, isolate } from '../shared/format.js';
import type { ChunkedRows } from './chunks.js';
import { tokenError, type IdentityStore } from './identity.js';
import { explain, renderMarks, renderModeration, renderSignedIn, renderSignIn } from './identity-view.js';
import { characterCount, commentParagraphs } from './comment-text.js';
import type { CommentsMessages } from './messages.js';
import { renderOptIn, type OptIns } from './notify.js';
import type { OutboxEntry } from './outbox.js';
import type { OutboxStore } from './outbox-store.js';
import type { ModerateAction } from './provider.js';
import type { ThreadStore } from './thread-store.js';
import { findComment, type ThreadRow } from './thread.js';

/** Protocol limits, counted in characters (code points). */
export const NAME_MAX = LIMITS.name.max;
export const BODY_MAX = LIMITS.body.max;

export type Action = { id: string; kind: 'reply' | 'edit' | 'delete' | 'report' };
export type FormErrors = { form: string; name?: string; body?: string; email?: string; general?: string };

/** What the templates read, and the handlers they call. */
export interface CommentsUi {
  readonly host: { readonly threadId?: string; readonly sort: string; readonly notifications: boolean };
  readonly locale: string;
  readonly thread: ThreadStore;
  readonly outbox: OutboxStore;
  readonly chunks: ChunkedRows;
  readonly identity: IdentityStore;
  readonly action?: Action;
  readonly errors?: FormErrors;
  readonly announcement: string;
  /** The live thread: new comments waiting behind a button, and those that arrived while reading. */
  readonly live: { readonly count: number; readonly fresh: ReadonlySet<string>; show(): void };
  /** Shown under the comment form after a post: what became of the reply-mail opt-in. */
  readonly notice?: string;
  /** Each form's reply-mail opt-in as the reader left it. */
  readonly optIns: OptIns;
  onSort(event: Event): void;
  retryLoad(): void;
  loadMore(): void;
  loadReplies(parent: Comment): void;
  onInput(event: Event, form: string): void;
  onSubmit(event: SubmitEvent, form: string): void;
  onSmallForm(event: SubmitEvent, comment: Comment, kind: Action['kind']): void;
  act(id: string, kind: Action['kind']): void;
  cancel(id: string, kind: Action['kind']): void;
  vote(comment: Comment, value: 1 | -1): void;
  remove(comment: Comment): void;
  /** Whether the reader may edit or delete `comment`: by its edit token, or as its signed-in author. */
  canEdit(comment: Comment): boolean;
  moderate(comment: Comment, action: ModerateAction): void;
  /** Fires `lede-sign-in-requested`. */
  requestSignIn(): void;
}

export function renderThread(ui: CommentsUi, messages: CommentsMessages): TemplateResult {
  const { thread, locale, chunks } = ui;
  const { status } = thread;
  return html`<section>
    <slot name="heading"><h2>${messages.title}</h2></slot>
    ${ui.host.threadId ? (thread.closed ? html`<p class="closed">${messages.closed}</p>` : renderCommentForm(ui, '', messages)) : nothing}
    ${ui.notice ? html`<p class="notice">${ui.notice}</p>` : nothing}
    ${ui.outbox.entries.length ? html`<ul class="outbox">${ui.outbox.entries.map((entry) => renderUnsent(ui, entry, messages))}</ul>` : nothing}
    <div class="bar">
      <p>${status === 'ready' || status === 'more' ? messages.count({ count: thread.total }) : ''}</p>
      <label>${messages.sort}
        <select @change=${(event: Event) => ui.onSort(event)}>
          ${(['newest', 'oldest', 'top'] as const).map((sort) => html`<option value=${sort} ?selected=${sort === ui.host.sort}>${messages[sort]}</option>`)}
        </select>
      </label>
    </div>
    ${ui.live.count && status === 'ready' ? html`<button type="button" class="new-comments" @click=${() => ui.live.show()}>${messages.newComments({ count: ui.live.count })}</button>` : nothing}
    ${
      status === 'error'
        ? html`<div class="error" role="alert" part="error"><span>${messages.loadError}</span><button type="button" @click=${() => ui.retryLoad()}>${messages.retry}</button></div>`
        : status === 'loading' || status === 'idle'
          ? html`<p class="muted" role="status">${messages.loading}</p>`
          : chunks.rows.length === 0
            ? html`<p class="muted">${messages.empty}</p>`
            : chunks.render(locale, (row) => renderRow(ui, row, messages))
    }
    ${chunks.more && status === 'ready' ? html`<div class="sentinel"></div>` : nothing}
    ${
      thread.nextCursor && status !== 'loading'
        ? html`<button type="button" class="more" ?disabled=${status === 'more'} @click=${() => ui.loadMore()}>${messages.more}</button>`
        : nothing
    }
    <p class="visually-hidden" role="status">${ui.announcement}</p>
  </section>`;
}

/**
 * The comment or reply form; where the thread takes signed-in readers only and the reader is not,
 * a prompt to sign in instead (the draft waits in storage). A sign-in the server refused is said above the form.
 */
function renderCommentForm(ui: CommentsUi, form: string, messages: CommentsMessages, comment?: Comment): TemplateResult {
  const { reader } = ui.identity;
  // Only a refused sign-in is the reader's to fix; a backend without `/me` leaves them anonymous, silently.
  const error = tokenError(ui.identity.error) && ui.identity.error;
  const requestSignIn = () => ui.requestSignIn();
  if (ui.thread.signInOnly && !reader) return renderSignIn(error ? explain(error, messages) : messages.signInNeeded, !!error, messages, requestSignIn);
  return html`${error && !form ? renderSignIn(explain(error, messages), true, messages, requestSignIn) : nothing}${renderForm(ui, form, messages, comment)}`;
}

/**
 * A form: the comment form (at the top, or a reply under comment `form`), or under a comment the
 * one field to edit it or to give a reason to report it. Only a reply form is named (a form
 * landmark): the comment form sits under the thread's heading, and a name of its own would repeat
 * on every page with more than one thread.
 */
function renderForm(ui: CommentsUi, form: string, messages: CommentsMessages, comment?: Comment, kind: Action['kind'] = 'reply'): TemplateResult {
  const small = kind !== 'reply';
  const id = small ? `${kind}-${form}` : form || 'top';
  const errors = ui.errors?.form === (small ? id : form) ? ui.errors : undefined;
  const body = small ? '' : ui.outbox.draft(form);
  return html`<form part=${ifDefined(small ? undefined : 'form')} class="form" novalidate aria-label=${ifDefined(comment && !small ? messages.replyTo({ name: comment.author.name }) : undefined)} @input=${(event: Event) => ui.onInput(event, form)} @submit=${(event: SubmitEvent) => (small ? ui.onSmallForm(event, comment!, kind) : ui.onSubmit(event, form))}>
    ${
      small
        ? renderField(
            id,
            kind === 'edit' ? messages.comment : messages.reason,
            'text',
            kind === 'edit' ? comment!.body : '',
            errors?.body,
            `${id}-error`,
            kind === 'edit' ? undefined : LIMITS.reason.max,
          )
        : html`${
            ui.identity.reader
              ? renderSignedIn(ui.identity.reader, `name-${id}`, messages)
              : renderField(`name-${id}`, messages.name, 'name', ui.outbox.name, errors?.name, `name-error-${id}`, NAME_MAX)
          }
          ${renderField(`body-${id}`, messages.comment, 'body', body, errors?.body, `body-error-${id}`, undefined, `left-${id}`)}
          <p class="muted" id="left-${id}">${messages.left({ count: BODY_MAX - characterCount(body) })}</p>
          ${ui.host.notifications ? renderOptIn(id, messages, ui.optIns.of(form), errors?.email) : nothing}
          ${renderHoneypot(messages)}`
    }
    ${errors?.general ? html`<p class="field-error" role="alert">${errors.general}</p>` : nothing}
    <div class="actions">
      <button type="submit">${kind === 'edit' ? messages.save : small ? messages.report : messages.send}</button>
      ${form ? html`<button type="button" @click=${() => ui.cancel(form, kind)}>${messages.cancel}</button>` : nothing}
    </div>
  </form>`;
}

/**
 * The honeypot: a field people never meet and bots fill in (the server holds what comes with
 * it). Clipped in place rather than moved off-screen, which scrolls right-to-left pages sideways;
 * inert, so neither Tab, assistive technology nor autofill reaches it; its label asks anyone who
 * does see it (a text browser, styles off) to leave it empty.
 */
function renderHoneypot(messages: CommentsMessages): TemplateResult {
  return html`<div class="visually-hidden" aria-hidden="true" inert>
    <label>${messages.honeypot} <input name="website" tabindex="-1" autocomplete="off" data-1p-ignore data-lpignore="true" /></label>
  </div>`;
}

/** Ctrl+Enter (⌘+Enter) in a text area sends its form. */
function onKeydown(event: KeyboardEvent): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  }
}

/**
 * A labelled field and its error, tied together for assistive technology: a one-line input of
 * at most `max` characters, or without `max` a text area; `counter` is the id of a note it also describes.
 */
function renderField(
  id: string,
  label: string,
  name: string,
  value: string,
  error: string | undefined,
  errorId: string,
  max?: number,
  counter?: string,
): TemplateResult {
  const invalid = error ? 'true' : 'false';
  const describedBy = ifDefined([error && errorId, counter].filter(Boolean).join(' ') || undefined);
  return html`<label for=${id}>${label}</label>
    ${
      max
        ? html`<input id=${id} name=${name} autocomplete=${ifDefined(name === 'name' ? 'name' : undefined)} maxlength=${max} .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} />`
        : html`<textarea id=${id} name=${name} rows="4" .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} @keydown=${onKeydown}></textarea>`
    }
    ${error ? html`<p class="field-error" id=${errorId}>${error}</p>` : nothing}`;
}

function renderUnsent(ui: CommentsUi, entry: OutboxEntry, messages: CommentsMessages): TemplateResult {
  const sending = ui.outbox.sending.has(entry.key);
  const parent = entry.comment.parentId ? findComment(ui.thread.comments, entry.comment.parentId) : undefined;
  return html`<li class="comment unsent" data-key=${entry.key}>
    <p class="meta"><strong><bdi>${entry.comment.author.name}</bdi></strong> <span class="badge">${messages.notSent}</span>
      ${parent ? html`<span class="muted">${messages.replyingTo({ name: isolate(parent.author.name) })}</span>` : nothing}</p>
    ${renderBody(entry.comment.body)}
    ${entry.note ? html`<p class="muted">${entry.note}</p>` : nothing}
    <button type="button" ?disabled=${sending} @click=${() => ui.outbox.send(entry)}>${sending ? messages.sending : messages.sendNow}</button>
  </li>`;
}

function renderBody(body: string): TemplateResult[] {
  return commentParagraphs(body).map(
    (tokens) =>
      html`<p dir="auto">${tokens.map((token) =>
        typeof token === 'string'
          ? token
          : 'br' in token
            ? html`<br />`
            : html`<a href=${token.href} rel="nofollow ugc noopener" target="_blank">${token.text}</a>`,
      )}</p>`,
  );
}

function renderRow(ui: CommentsUi, row: ThreadRow, messages: CommentsMessages): TemplateResult {
  const { locale, thread } = ui;
  if ('more' in row) {
    return html`<button type="button" class="more-replies" style="--depth:${row.depth}" @click=${() => ui.loadReplies(row.more)}>${messages.moreReplies({ count: row.count })}</button>`;
  }
  const { comment, depth, replyingTo } = row;
  const id = comment.id;
  if (comment.status === 'deleted') {
    return html`<article class="comment deleted" part="comment" style="--depth:${depth}" data-id=${id} tabindex="-1"><p class="muted">${messages.deleted}</p></article>`;
  }
  const action = ui.action?.id === id ? ui.action.kind : undefined;
  const errors = ui.errors?.form === `action:${id}` ? ui.errors.general : undefined;
  const vote = thread.votes[id] ?? 0;
  const published = comment.status === 'published';
  const fresh = ui.live.fresh.has(id);
  return html`<article class="comment ${fresh ? 'new' : ''}" part="comment" style="--depth:${depth}" data-id=${id} tabindex="-1" aria-label=${comment.author.name}>
    <p class="meta">
      <strong><bdi>${comment.author.name}</bdi></strong>${renderMarks(comment, messages)}
      <time datetime=${comment.createdAt} title=${ifDefined(formatDate(comment.createdAt, locale))}>${formatRelativeTime(comment.createdAt, locale)}</time>
      ${comment.editedAt ? html`<span class="muted">· ${messages.edited}</span>` : nothing}
      ${published ? nothing : html`<span class="badge">${messages.pending}</span>`}
      ${fresh ? html`<span class="badge">${messages.new}</span>` : nothing}
      ${comment.featured ? html`<span class="badge featured">${messages.featured}</span>` : nothing}
      ${replyingTo ? html`<span class="muted">${messages.replyingTo({ name: isolate(replyingTo) })}</span>` : nothing}
    </p>
    ${action === 'edit' ? renderForm(ui, id, messages, comment, 'edit') : renderBody(comment.body)}
    <div class="actions">
      ${
        published
          ? html`<button type="button" aria-label=${messages.upvote} aria-pressed=${vote === 1 ? 'true' : 'false'} @click=${() => ui.vote(comment, 1)}>▲</button>
            <span class="score">${comment.score}</span>
            <button type="button" aria-label=${messages.downvote} aria-pressed=${vote === -1 ? 'true' : 'false'} @click=${() => ui.vote(comment, -1)}>▼</button>
            ${thread.closed ? nothing : html`<button type="button" class="reply" aria-expanded=${action === 'reply' ? 'true' : 'false'} @click=${() => ui.act(id, 'reply')}>${messages.reply}</button>`}`
          : nothing
      }
      ${
        ui.canEdit(comment)
          ? html`<button type="button" class="edit" @click=${() => ui.act(id, 'edit')}>${messages.edit}</button>
            <button type="button" class="delete" @click=${() => ui.act(id, 'delete')}>${messages.delete}</button>`
          : nothing
      }
      ${published && !thread.reported.has(id) ? html`<button type="button" class="report" @click=${() => ui.act(id, 'report')}>${messages.report}</button>` : nothing}
      ${ui.identity.moderates ? renderModeration(comment, messages, (moderation) => ui.moderate(comment, moderation)) : nothing}
    </div>
    ${errors ? html`<p class="field-error" role="alert">${errors}</p>` : nothing}
    ${action === 'reply' && !thread.closed ? renderCommentForm(ui, id, messages, comment) : nothing}
    ${
      action === 'delete'
        ? html`<p class="actions">${messages.confirmDelete}
          <button type="button" class="confirm" @click=${() => ui.remove(comment)}>${messages.delete}</button>
          <button type="button" @click=${() => ui.cancel(id, 'delete')}>${messages.cancel}</button></p>`
        : nothing
    }
    ${action === 'report' ? renderForm(ui, id, messages, comment, 'report') : nothing}
  </article>`;
}
