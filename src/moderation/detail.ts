import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../shared/format.js';
import type { Messages } from '../shared/messages.js';
import type { Action, AdminComment, UpdateThread } from './api.js';
import { auditEntriesTemplate } from './audit.js';
import type { CommentContext } from './context.js';
import { reasons } from './list.js';
import type { ModerationSource } from './messages.js';

/** What the detail pane reads and calls. */
export interface DetailView {
  words: Messages<ModerationSource>;
  locale: string;
  comment?: AdminComment;
  context: CommentContext;
  /** The element's `thread-href`: where a thread's article is, `{thread}` replaced by its id. */
  threadHref?: string;
  selected: boolean;
  busy: boolean;
  rejectReasons: readonly string[];
  reason: string;
  onReason(reason: string): void;
  onAct(action: Action): void;
  onSelect(): void;
  /** Changes the settings of the comment's thread. */
  onThread(change: UpdateThread): void;
}

/** The actions that fit a comment as it is: approve what is not published, feature what is, and so on. */
function actionsFor(comment: AdminComment): Action[] {
  const actions: Action[] = [];
  if (comment.status !== 'published') actions.push('approve');
  if (comment.status !== 'rejected') actions.push('reject');
  actions.push('delete');
  if (comment.status === 'published') actions.push(comment.featured ? 'unfeature' : 'feature');
  actions.push(comment.author.trusted ? 'untrust' : 'trust', comment.author.banned ? 'unban' : 'ban');
  return actions;
}

/** The article of a thread the server knows no page for: by the element's pattern, else the id when it is a web address. */
function threadUrl(thread: string, href?: string): string | undefined {
  if (href) return href.replace('{thread}', encodeURIComponent(thread));
  return /^https?:\/\//.test(thread) ? thread : undefined;
}

/** Keys shown beside the buttons they press. */
const keyOf: Partial<Record<Action, string>> = { approve: 'a', reject: 'r', delete: 'd', feature: 'f', unfeature: 'f' };

function standing(comment: AdminComment, words: Messages<ModerationSource>): TemplateResult[] {
  const badges = [];
  if (comment.featured) badges.push(words.featured);
  if (comment.author.trusted) badges.push(words.trusted);
  if (comment.author.banned) badges.push(words.banned);
  return badges.map((badge) => html` <span class="badge">${badge}</span>`);
}

function actionsTemplate(comment: AdminComment, view: DetailView): TemplateResult {
  const { words } = view;
  return html`<div class="actions" role="group" aria-label=${words.actions}>
    ${actionsFor(comment).map(
      (action) =>
        html`<button type="button" class=${`act-${action}`} data-action=${action} ?disabled=${view.busy} aria-keyshortcuts=${keyOf[action] ?? nothing} @click=${() => view.onAct(action)}>
          ${words[action]}
        </button>`,
    )}
    <button type="button" class="select" aria-pressed=${view.selected ? 'true' : 'false'} @click=${view.onSelect}>${words.select}</button>
    ${
      view.rejectReasons.length
        ? html`<label class="reject-reason"
          >${words.rejectReason}
          <select @change=${(event: Event) => view.onReason((event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!view.reason}>${words.noReason}</option>
            ${view.rejectReasons.map((reason) => html`<option ?selected=${reason === view.reason}>${reason}</option>`)}
          </select></label
        >`
        : nothing
    }
  </div>`;
}

function historyTemplate(context: CommentContext, words: Messages<ModerationSource>): TemplateResult | typeof nothing {
  const author = context.author;
  if (!author) return nothing;
  return html`<section class="history" aria-labelledby="history-heading">
    <h3 id="history-heading">${words.history}</h3>
    <p class="counts">${words.historyCounts(author.counts)}</p>
    <ul>
      ${author.comments.map((comment) => html`<li><bdi>${comment.author.name}</bdi> (${words[`status-${comment.status}`]}): ${comment.body}</li>`)}
    </ul>
  </section>`;
}

/** The comment's thread: closed or open, pre-moderated or not, each a switch the moderator can flip. */
function threadTemplate(context: CommentContext, view: DetailView): TemplateResult | typeof nothing {
  const { thread } = context;
  const { words } = view;
  if (!thread) return nothing;
  const toggle = (name: 'closed' | 'premoderation', label: string) =>
    html`<label
      ><input
        type="checkbox"
        name=${name}
        .checked=${thread[name]}
        @change=${(event: Event) => view.onThread({ [name]: (event.target as HTMLInputElement).checked })}
      />
      ${label}</label
    >`;
  return html`<fieldset class="thread-controls">
    <legend>${words.threadSettings}</legend>
    ${toggle('closed', words.threadClosedLabel)} ${toggle('premoderation', words.premoderationLabel)}
  </fieldset>`;
}

/** What moderators did to the comment, newest first. */
function commentAuditTemplate(context: CommentContext, view: DetailView): TemplateResult | typeof nothing {
  if (!context.audit) return nothing;
  return html`<section class="comment-audit" aria-labelledby="comment-audit-heading">
    <h3 id="comment-audit-heading">${view.words.audit}</h3>
    ${auditEntriesTemplate(context.audit, view.words, view.locale)}
  </section>`;
}

export function detailTemplate(view: DetailView): TemplateResult {
  const { words, locale, comment, context } = view;
  if (!comment) return html`<p class="none">${words.none}</p>`;
  const url = comment.pageUrl ?? threadUrl(comment.threadId, view.threadHref);
  const why = reasons(comment, words);
  const parent = context.parent;
  return html`<article class="comment" aria-labelledby="detail-author">
      <header>
        <strong id="detail-author"><bdi>${comment.author.name}</bdi></strong>${standing(comment, words)}
        <time datetime=${comment.createdAt}>${formatDate(comment.createdAt, locale)}</time>
      </header>
      <p class="thread">${url ? html`<a href=${url}>${words.inThread({ thread: comment.threadId })}</a>` : words.inThread({ thread: comment.threadId })}</p>
      ${
        parent
          ? html`<blockquote class="parent">
            <p>${words.inReplyTo({ name: parent.author.name })}</p>
            <p class="body">${parent.body}</p>
          </blockquote>`
          : nothing
      }
      <p class="body">${comment.body}</p>
      <p class="meta">
        ${[words.replies({ count: comment.replyCount }), ...why].join(' · ')}
      </p>
      ${
        comment.reportReasons?.length
          ? html`<ul class="report-reasons">
            ${comment.reportReasons.map(({ reason, count }) => html`<li>${reason} (${count})</li>`)}
          </ul>`
          : nothing
      }
    </article>
    ${actionsTemplate(comment, view)} ${threadTemplate(context, view)} ${commentAuditTemplate(context, view)} ${historyTemplate(context, words)}`;
}
