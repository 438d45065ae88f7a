import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { LedeError } from '../shared/errors.js';
import { reportError } from '../shared/events.js';
import { LedeElement } from '../shared/lede-element.js';
import type { Messages } from '../shared/messages.js';
import { themeStyles } from '../shared/theme.styles.js';
import { ActionsController } from './actions.js';
import { AuditController, auditLogTemplate } from './audit.js';
import { ModerationApi, type Action, type Queue } from './api.js';
import { bulkTemplate, filtersTemplate, headerTemplate, helpTemplate, signInTemplate, tabsTemplate, undoTemplate } from './chrome.js';
import { ContextController } from './context.js';
import { detailTemplate } from './detail.js';
import { shortcutOf, type Command } from './keys.js';
import { optionId, queueTemplate } from './list.js';
import { LiveController } from './live.js';
import { moderationMessages, type ModerationSource } from './messages.js';
import { moderationStyles } from './moderation.styles.js';
import { QueueController } from './queue.js';
import { SessionController, type SessionHost } from './session.js';

/**
 * The moderation console: queues of held, reported, published and rejected comments with filters
 * and search, each comment in context (its thread, parent, replies, why it was held, its author's
 * history), and actions on one comment or a selection, each undoable for a while. Mail-client
 * shortcuts (j/k, a/r/d/f, x, z, ?) act on the list; every result is announced to screen readers.
 * New comments and counts arrive live.
 *
 * It signs in with the server's session (cookie, and a CSRF token on every write), or uses a
 * `token` set by a script. It is for moderators only: the reader entries never import it.
 *
 * @summary The moderation console.
 * @tagname lede-moderation
 *
 * @cssprop --lede-font-ui - Typeface of the console.
 * @cssprop --lede-font-body - Typeface of comment text.
 * @cssprop --lede-color-text - Text colour.
 * @cssprop --lede-color-muted - Dates, counts and reasons.
 * @cssprop --lede-color-accent - The current queue and comment.
 * @cssprop --lede-color-link - Links and selected comments.
 * @cssprop --lede-color-surface - Background.
 * @cssprop --lede-color-surface-raised - The current comment, fields and bars.
 * @cssprop --lede-color-border - Rules and field borders.
 * @cssprop --lede-color-danger - Errors, delete and ban.
 * @cssprop --lede-color-focus - Focus ring colour.
 *
 * @fires lede-error - The queue could not be loaded, or an action failed.
 */
export class LedeModeration extends LedeElement implements SessionHost {
  /** @internal */ static override styles = [themeStyles, moderationStyles];

  /** The admin API's base URL. */
  @property() src = '/api/admin';

  /** A bearer token (`LEDE_ADMIN_TOKEN`) for scripts and tests; without it the console signs in with a session. */
  @property({ attribute: false }) token?: string;

  /** Comments per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Links threads to their articles when the server knows no page for a comment: `{thread}` is replaced by the thread id. Without it, a thread id that is a URL links to itself. */
  @property({ attribute: 'thread-href' }) threadHref?: string;

  /** Reasons a moderator may give when rejecting; the server's list (`LEDE_REJECT_REASONS`) when it sends one. */
  @property({ attribute: false }) rejectReasons: string[] = [];

  @state() private announcement = '';
  @state() private reason = '';
  /** The audit log replaces the queues while it is shown. */
  @state() private auditShown = false;

  /** @internal */
  readonly session = new SessionController(this);
  /** @internal */
  readonly queue = new QueueController(this);
  /** @internal */
  readonly actions = new ActionsController(this, this.queue);
  readonly #live = new LiveController(this, this.queue);
  readonly #context = new ContextController(this);
  readonly #audit = new AuditController(this);
  #api?: ModerationApi;
  /** Focus follows the current comment after the next render (after a move or an action). */
  #focusActive = false;

  @query('dialog') private help?: HTMLDialogElement;

  constructor() {
    super();
    // Shortcuts work wherever focus is in the console, except in fields and dialogs, and while the audit log hides the queue.
    this.addEventListener('keydown', this.#onKeydown);
  }

  /** @internal */
  get api(): ModerationApi {
    return (this.#api ??= new ModerationApi(this.src, () => ({ token: this.token, csrfToken: this.session.csrfToken })));
  }

  /** @internal */
  words(): Messages<ModerationSource> {
    return this.messages(moderationMessages) ?? moderationMessages.get('en')!;
  }

  /** @internal A repeated text changes by a no-break space, so screen readers say it again. */
  announce(text: string): void {
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  /** @internal */
  fail(error: LedeError): void {
    this.report(error);
  }

  /** @internal */
  tell(error: LedeError): void {
    reportError(this, error);
  }

  /** @internal */
  signedOut(): void {
    this.#live.stop();
    if (this.session.state !== 'signed-out') this.session.signedOut();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('token')) {
      this.#api = undefined;
      void this.waitFor(this.#start());
    }
  }

  async #start(): Promise<void> {
    this.#live.stop();
    if (await this.session.check()) await this.#enter();
  }

  /** Signed in: the server's reject reasons, the live queue (sessions only: EventSource sends no token) and the first page. */
  async #enter(): Promise<void> {
    this.api.config().then(
      ({ rejectReasons }) => (this.rejectReasons = rejectReasons),
      () => {},
    );
    if (!this.token) this.#live.start();
    await this.queue.load();
  }

  async #signIn(name: string, password: string): Promise<void> {
    if (await this.session.signIn(name, password)) {
      this.#focusActive = true;
      await this.waitFor(this.#enter());
    }
  }

  async #act(action: Action): Promise<void> {
    this.report();
    await this.actions.act(action, this.reason || undefined);
    this.#focusNext();
  }

  /** After an action or an undo: the context is read again (counts, audit), and focus goes to the current comment once the list shows it. */
  #focusNext = () => {
    this.#context.forget();
    this.#focusActive = true;
    this.requestUpdate();
  };

  #run(command: Command): void {
    if (typeof command === 'object') {
      if ('act' in command) void this.#act(command.act);
      else if (this.queue.move(command.move)) this.#focusActive = true;
      else if (command.move > 0) void this.queue.more();
      return;
    }
    const active = this.queue.active;
    if (command === 'toggle' && active) {
      this.queue.toggle(active);
      this.announce(this.words().selected({ count: this.queue.selected.size }));
    } else if (command === 'undo') {
      void this.actions.undo().then(this.#focusNext);
    } else if (command === 'open') {
      this.renderRoot.querySelector<HTMLElement>('.detail article')?.focus();
    } else if (command === 'help') {
      this.help?.showModal();
    }
  }

  #onKeydown = (event: KeyboardEvent) => {
    const command = !this.auditShown && shortcutOf(event);
    if (!command) return;
    event.preventDefault();
    this.#run(command);
  };

  #onListClick = (event: MouseEvent) => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const id = option?.dataset.id;
    if (!id) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey) this.queue.toggle(id);
    this.queue.active = id;
    this.#focusActive = true;
    this.requestUpdate();
  };

  /** Shows the audit log from its newest entry, or the queues again; focus goes to what is shown. */
  #showAudit(show: boolean): void {
    this.auditShown = show;
    if (show) void this.waitFor(this.#audit.load());
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(show ? '#audit-heading' : '#queue')?.focus());
  }

  #showQueue(queue: Queue): void {
    void this.waitFor(this.queue.load({ queue }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#focusActive || this.queue.status === 'loading') return;
    this.#focusActive = false;
    // The next comment, else (the queue emptied) the undo button, else the queue's panel: focus never falls to the page.
    const active = this.queue.active && this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(optionId(this.queue.active))}`);
    (active || this.renderRoot.querySelector<HTMLElement>('.undo') || this.renderRoot.querySelector<HTMLElement>('#queue'))?.focus();
  }

  override render(): unknown {
    const words = this.words();
    const { session } = this;
    return html`${headerTemplate(words, {
      moderator: session.moderator,
      signedIn: session.state === 'signed-in',
      withSession: !this.token,
      auditShown: this.auditShown,
      onAudit: () => this.#showAudit(!this.auditShown),
      onHelp: () => this.help?.showModal(),
      onSignOut: () => this.waitFor(this.session.signOut()),
    })}
      ${this.error ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
      ${
        session.state === 'signed-out'
          ? signInTemplate(words, session.error && (session.error.status === 429 ? 'too-many' : 'credentials'), (name, password) =>
              this.#signIn(name, password),
            )
          : session.state === 'checking'
            ? html`<p class="loading">${words.loading}</p>`
            : this.auditShown
              ? auditLogTemplate(this.#audit, words, this.locale, () => this.#showAudit(false))
              : this.#console(words)
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${helpTemplate(words)}`;
  }

  #console(words: Messages<ModerationSource>): unknown {
    const { queue, actions } = this;
    const active = queue.activeComment;
    return html`${tabsTemplate(words, queue.query.queue, queue.counts, (name) => this.#showQueue(name))}
      ${filtersTemplate(words, queue.query, (changes) => void this.waitFor(queue.load(changes)))}
      ${
        queue.selected.size
          ? bulkTemplate(
              words,
              queue.selected.size,
              actions.busy,
              (action) => this.#act(action),
              (all) => queue.selectAll(all),
            )
          : nothing
      }
      ${undoTemplate(words, actions.last, () => this.#run('undo'))}
      <p class="hint">${words.shortcutsHint}</p>
      <div class="columns">
        <div id="queue" role="tabpanel" tabindex="-1" aria-labelledby=${`tab-${queue.query.queue}`}>
          ${queueTemplate({
            words,
            locale: this.locale,
            queue,
            onClick: this.#onListClick,
            onRetry: () => this.waitFor(queue.load()),
            onMore: () => this.waitFor(queue.more()),
          })}
        </div>
        <section class="detail" aria-label=${words.detail}>
          ${detailTemplate({
            words,
            locale: this.locale,
            comment: active,
            context: active ? this.#context.of(active) : {},
            threadHref: this.threadHref,
            selected: !!active && queue.selected.has(active.id),
            busy: actions.busy,
            rejectReasons: this.rejectReasons,
            reason: this.reason,
            onReason: (reason) => (this.reason = reason),
            onAct: (action) => void this.#act(action),
            onSelect: () => active && queue.toggle(active.id),
            onThread: (change) => active && this.waitFor(this.#context.changeThread(active.threadId, change)),
          })}
        </section>
      </div>`;
  }
}
