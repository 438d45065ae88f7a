import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../shared/messages.js';
import { HOLD_REASONS, QUEUES, type Action, type QueueCounts, type Queue, type QueueQuery } from './api.js';
import type { Done } from './actions.js';
import { SHORTCUTS, type Command } from './keys.js';
import type { ModerationSource } from './messages.js';

type Words = Messages<ModerationSource>;

/** What the header shows and does. */
export interface HeaderView {
  moderator?: string;
  signedIn: boolean;
  withSession: boolean;
  /** Whether the audit log is shown instead of the queues. */
  auditShown: boolean;
  onAudit(): void;
  onHelp(): void;
  onSignOut(): void;
}

/** The title, who is signed in, the audit log and shortcuts buttons and, for a session, signing out. */
export function headerTemplate(words: Words, { moderator, signedIn, withSession, auditShown, onAudit, onHelp, onSignOut }: HeaderView): TemplateResult {
  return html`<header>
    <h2>${words.title}</h2>
    ${signedIn && withSession && moderator ? html`<span>${words.signedInAs({ name: moderator })}</span>` : nothing}
    ${signedIn ? html`<button type="button" class="audit-button" aria-pressed=${auditShown ? 'true' : 'false'} @click=${onAudit}>${words.audit}</button>` : nothing}
    ${signedIn ? html`<button type="button" class="help-button" aria-keyshortcuts="?" @click=${onHelp}>${words.shortcuts}</button>` : nothing}
    ${signedIn && withSession ? html`<button type="button" class="sign-out" @click=${onSignOut}>${words.signOut}</button>` : nothing}
  </header>`;
}

/** The queue tabs, each with its count when the server gave one. Arrow keys, Home and End move between them, focus with them (the tab pattern). */
export function tabsTemplate(words: Words, queue: Queue, counts: Partial<QueueCounts>, onQueue: (queue: Queue) => void): TemplateResult {
  const keydown = (event: KeyboardEvent) => {
    const tabs = event.currentTarget as HTMLElement;
    const next = tabAfter(event, queue, getComputedStyle(tabs).direction === 'rtl');
    if (!next) return;
    event.preventDefault();
    onQueue(next);
    tabs.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };
  return html`<div class="tabs" role="tablist" aria-label=${words.queues} @keydown=${keydown}>
    ${QUEUES.map(
      (name) =>
        html`<button
          type="button"
          role="tab"
          id=${`tab-${name}`}
          data-queue=${name}
          aria-selected=${name === queue ? 'true' : 'false'}
          aria-controls="queue"
          tabindex=${name === queue ? 0 : -1}
          @click=${() => onQueue(name)}
        >
          ${words[name]}${counts[name] === undefined ? nothing : html` <span class="count">${counts[name]}</span>`}
        </button>`,
    )}
  </div>`;
}

/** The tab pattern: the queue an arrow key moves to (mirrored right to left), or Home and End to the ends. */
function tabAfter(event: KeyboardEvent, queue: Queue, rtl: boolean): Queue | undefined {
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -QUEUES.length, End: QUEUES.length }[event.key];
  return step ? QUEUES[Math.min(Math.max(QUEUES.indexOf(queue) + step, 0), QUEUES.length - 1)] : undefined;
}

/** Filters, search and order: submitted together, so typing never reloads the queue at every key. */
export function filtersTemplate(words: Words, query: QueueQuery, onSubmit: (changes: Partial<QueueQuery>) => void): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    onSubmit({
      q: value('q'),
      thread: value('thread'),
      author: value('author'),
      reason: HOLD_REASONS.find((reason) => reason === value('reason')),
      order: value('order') === 'oldest' ? 'oldest' : 'newest',
    });
  };
  return html`<form class="filters" role="search" aria-label=${words.filters} @submit=${submit}>
    <label>${words.search} <input type="search" name="q" .value=${query.q ?? ''} /></label>
    <label>${words.thread} <input name="thread" .value=${query.thread ?? ''} /></label>
    <label>${words.author} <input name="author" .value=${query.author ?? ''} /></label>
    <label
      >${words.reason}
      <select name="reason">
        <option value="">${words.anyReason}</option>
        ${HOLD_REASONS.map((reason) => html`<option value=${reason} ?selected=${query.reason === reason}>${words[`held-${reason}`]}</option>`)}
      </select></label
    >
    <label
      >${words.order}
      <select name="order">
        <option value="newest" ?selected=${query.order !== 'oldest'}>${words.newest}</option>
        <option value="oldest" ?selected=${query.order === 'oldest'}>${words.oldest}</option>
      </select></label
    >
    <button type="submit">${words.apply}</button>
  </form>`;
}

/** What to do with the selection; shown while there is one. */
export function bulkTemplate(
  words: Words,
  count: number,
  busy: boolean,
  onAct: (action: Action) => void,
  onSelectAll: (select: boolean) => void,
): TemplateResult {
  return html`<div class="bulk" role="group" aria-label=${words.selected({ count })}>
    <span>${words.selected({ count })}</span>
    ${(['approve', 'reject', 'delete'] as const).map(
      (action) => html`<button type="button" data-bulk=${action} ?disabled=${busy || count === 0} @click=${() => onAct(action)}>${words[action]}</button>`,
    )}
    <button type="button" @click=${() => onSelectAll(true)}>${words.selectAll}</button>
    <button type="button" ?disabled=${count === 0} @click=${() => onSelectAll(false)}>${words.clearSelection}</button>
  </div>`;
}

/** The last action and its undo button, while the server keeps it undoable. */
export function undoTemplate(words: Words, done: Done | undefined, onUndo: () => void): TemplateResult | typeof nothing {
  if (!done) return nothing;
  return html`<div class="undo-bar">
    <span>${words.done({ action: words[`did-${done.action}`], count: done.count })}</span>
    ${done.undo.length ? html`<button type="button" class="undo" aria-keyshortcuts="z" @click=${onUndo}>${words.undo}</button>` : nothing}
  </div>`;
}

function describe(command: Command, words: Words): string {
  if (typeof command === 'object') return 'move' in command ? words[command.move > 0 ? 'key-next' : 'key-previous'] : words[command.act];
  return words[`key-${command}`];
}

const keyName = (key: string) => ({ ' ': 'Space', ArrowDown: '↓', ArrowUp: '↑' })[key] ?? key;

/** The `?` dialog: every shortcut, from the same table the keyboard handler reads. */
export function helpTemplate(words: Words): TemplateResult {
  return html`<dialog class="help" aria-labelledby="help-heading">
    <h2 id="help-heading">${words.shortcuts}</h2>
    <dl>
      ${SHORTCUTS.map(
        ([keys, command]) =>
          html`<div>
            <dt>${keys.map((key, index) => html`${index ? ' / ' : ''}<kbd>${keyName(key)}</kbd>`)}</dt>
            <dd>${describe(command, words)}</dd>
          </div>`,
      )}
    </dl>
    <form method="dialog"><button>${words.close}</button></form>
  </dialog>`;
}

/** The sign-in form, shown while there is no session. */
export function signInTemplate(
  words: Words,
  failure: 'credentials' | 'too-many' | undefined,
  onSubmit: (name: string, password: string) => void,
): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    onSubmit(String(data.get('name') ?? ''), String(data.get('password') ?? ''));
  };
  return html`<form class="sign-in" aria-labelledby="sign-in-heading" @submit=${submit}>
    <h3 id="sign-in-heading">${words.signIn}</h3>
    <label>${words.name} <input name="name" autocomplete="username" required /></label>
    <label>${words.password} <input name="password" type="password" autocomplete="current-password" required /></label>
    ${failure ? html`<p class="error" role="alert">${failure === 'too-many' ? words.tooMany : words.signInFailed}</p>` : nothing}
    <button type="submit">${words.signIn}</button>
  </form>`;
}
