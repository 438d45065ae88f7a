import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { toLedeError } from '../shared/errors.js';
import { formatDate } from '../shared/format.js';
import type { Messages } from '../shared/messages.js';
import type { AuditEntry } from './api.js';
import type { ModerationHost } from './host.js';
import type { ModerationSource } from './messages.js';

type Words = Messages<ModerationSource>;

/** The whole audit log as the console shows it: newest first, page by page (as many a page as the queue). */
export class AuditController implements ReactiveController {
  entries: AuditEntry[] = [];
  next: string | null = null;
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';

  constructor(private readonly host: ModerationHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The first page again (actions since the last look come first), or the next one. */
  async load(more = false): Promise<void> {
    if (this.status === 'loading' || (more && !this.next)) return;
    this.status = 'loading';
    this.host.requestUpdate();
    try {
      const page = await this.host.api.audit({ cursor: more ? this.next : null }, this.host.pageSize);
      this.entries = more ? [...this.entries, ...page.entries] : page.entries;
      this.next = page.next;
      this.status = 'ready';
    } catch (error) {
      this.status = 'error';
      const problem = toLedeError(error);
      if (problem.status === 401) this.host.signedOut();
      else this.host.fail(problem);
    }
    this.host.requestUpdate();
  }
}

/** An action's name as the undo bar says it; an action this console does not know (a newer server's) as the server names it. */
function actionName(entry: AuditEntry, words: Words): string {
  const key = `did-${entry.action}`;
  return key in words ? (words[key as keyof Words] as string) : entry.action;
}

/** Who did what to what, when: one line per entry, for the log and for one comment's context. */
export function auditEntriesTemplate(entries: readonly AuditEntry[], words: Words, locale: string): TemplateResult {
  if (!entries.length) return html`<p class="audit-empty">${words.auditEmpty}</p>`;
  return html`<ol class="audit-entries">
    ${entries.map(
      (entry) =>
        html`<li>
          <time datetime=${entry.at}>${formatDate(entry.at, locale)}</time>
          <bdi class="actor">${entry.actor}</bdi>: <span class="action">${actionName(entry, words)}</span>
          ${entry.detail ? html`(<bdi class="detail">${entry.detail}</bdi>)` : nothing}
          ${entry.commentId ? html`· ${words.auditComment({ id: entry.commentId })}` : nothing}
          ${entry.threadId ? html`· ${words.inThread({ thread: entry.threadId })}` : nothing}
        </li>`,
    )}
  </ol>`;
}

/** The audit log view: replaces the queues until the moderator goes back. */
export function auditLogTemplate(audit: AuditController, words: Words, locale: string, onBack: () => void): TemplateResult {
  return html`<section class="audit-log" aria-labelledby="audit-heading">
    <h3 id="audit-heading" tabindex="-1">${words.audit}</h3>
    <button type="button" class="back" @click=${onBack}>${words.backToQueues}</button>
    ${audit.status === 'idle' || (audit.status === 'loading' && !audit.entries.length) ? html`<p class="loading">${words.loading}</p>` : auditEntriesTemplate(audit.entries, words, locale)}
    ${audit.next ? html`<button type="button" class="more" ?disabled=${audit.status === 'loading'} @click=${() => audit.load(true)}>${words.more}</button>` : nothing}
  </section>`;
}
