import { adoptStyles, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Comment } from '../model.js';
import type { LedeError } from '../shared/errors.js';
import { themeStyles } from '../shared/theme.styles.js';
import { ChunkedRows } from './chunks.js';
import { at, checkCommentForm, fieldOf, submitted } from './forms.js';
import { hasVisibleCharacter } from './comment-text.js';
import { commentsStyles } from './comments.styles.js';
import { HostConnection, type Connection } from './connection.js';
import type { CommentsHost, CommentsLanguage } from './host.js';
import { IdentityStore, tokenError } from './identity.js';
import { explain } from './identity-view.js';
import { LiveThread, type LiveView } from './live.js';
import { commentsMessages, type CommentsMessages } from './messages.js';
import type { OutboxEntry } from './outbox.js';
import { OptIns, readOptIn } from './notify.js';
import { OutboxStore, type SendResults } from './outbox-store.js';
import type { CommentSort, ModerateAction, PostedComment } from './provider.js';
import { LedeSignInRequestedEvent } from './sign-in-event.js';
import { shellStyles } from './shell.styles.js';
import { renderThread, type Action, type CommentsUi, type FormErrors } from './templates.js';
import { findComment } from './thread.js';
import { ThreadStore } from './thread-store.js';

/** For what happens after a render (announcements, form errors): by then the language has loaded. */
const en = commentsMessages.get('en')!;

/** Everything of `<lede-comments>` but its shell, loaded by `import()` when the element nears the viewport or has unsent work (see lede-comments.ts): it wires
 * the thread, outbox and drafts stores, identity, the live thread and the chunked rows to the templates, and keeps what the forms show (the open action,
 * errors, opt-ins, announcements, where focus goes). It renders into the shell's shadow root, so parts, slots, events and focus are the element's own. */
export class CommentsView implements ReactiveController, CommentsUi, SendResults, LiveView {
  action?: Action;
  errors?: FormErrors;
  announcement = '';
  notice?: string;
  locale = 'en';
  readonly thread: ThreadStore;
  readonly outbox: OutboxStore;
  readonly chunks: ChunkedRows;
  readonly identity: IdentityStore;
  readonly live: LiveThread;
  readonly #connection: HostConnection;
  #loadedFor?: string;
  /** The messages for the locale, or undefined while its table is being fetched. */
  #messages?: CommentsMessages;
  #focusAfterRender?: string;
  readonly optIns = new OptIns();

  constructor(
    readonly host: CommentsHost,
    private readonly language: CommentsLanguage,
  ) {
    const changed = () => host.requestUpdate();
    this.#connection = new HostConnection(host);
    this.chunks = new ChunkedRows(host);
    this.thread = new ThreadStore(this.#connection, changed, () => this.chunks.bump());
    this.outbox = new OutboxStore(this.#connection, changed, this);
    this.identity = new IdentityStore(this.#connection, changed);
    this.live = new LiveThread(host, this);
    adoptStyles(host.renderRoot as ShadowRoot, [themeStyles, shellStyles, commentsStyles]);
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.outbox.flush);
    this.thread.scheduleExpiry();
  }

  hostDisconnected(): void {
    removeEventListener('online', this.outbox.flush);
    this.outbox.stop();
    this.thread.stop();
  }

  hostUpdate(): void {
    const { host } = this;
    this.locale = this.language.locale();
    this.#messages = this.language.messages(commentsMessages);
    const changedSource = this.#connection.changed();
    if (this.identity.outdated([host.provider, host.backend, host.endpoint, host.token, host.tokenProvider])) void this.identity.load().then(this.#asModerator);
    const thread = host.threadId;
    const key = `${thread}|${host.sort}|${host.pageSize}`;
    if (thread && (key !== this.#loadedFor || changedSource)) {
      if (thread !== this.#loadedFor?.split('|')[0]) {
        // Restores what this browser keeps for the thread: the author's comments and the unsent ones.
        this.thread.open();
        this.outbox.open(thread);
      }
      this.#loadedFor = key;
      void this.thread.load(thread, host.sort, host.pageSize);
      this.live.restart();
    }
    this.chunks.update(this.thread.comments, this.thread.loads, this.action?.id);
    this.outbox.shown('');
  }

  hostUpdated(): void {
    if (this.#focusAfterRender) {
      const target = this.host.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender);
      if (target) {
        this.#focusAfterRender = undefined;
        target.focus();
      }
    }
  }

  render(): TemplateResult | typeof nothing {
    // A moment's wait for the page's language rather than a flash of English.
    return this.#messages ? renderThread(this, this.#messages) : nothing;
  }

  /** Changes what the forms show, and where focus goes once they are rendered. */
  #set(state: Partial<Pick<CommentsView, 'action' | 'errors' | 'announcement' | 'notice'>>, focus?: string): void {
    Object.assign(this, state);
    if (focus) this.#focusAfterRender = focus;
    this.host.requestUpdate();
  }

  /** After the reader changed: a moderator's thread holds the held comments too, so it loads again, as theirs, when that changes. */
  #asModerator = (): void => {
    // Rows are kept while their comment is unchanged; who may edit or moderate them just changed.
    this.chunks.bump();
    if (this.thread.moderator === this.identity.moderates) return;
    this.thread.moderator = this.identity.moderates;
    this.retryLoad();
  };
  get connection(): Connection {
    return this.#connection;
  }

  /** @internal A comment with an open form: live changes to it wait until the form closes. */
  busy(): string | undefined {
    return this.action?.id;
  }

  /** @internal */
  arrived(count: number, replies: boolean): void {
    const messages = this.#messages ?? en;
    this.#set({ announcement: (replies ? messages.newReplies : messages.newComments)({ count }) });
  }

  /** @internal */
  focus(id: string): void {
    this.#set({}, at(id));
  }

  /** Reports a failed request and says what went wrong. */
  #announce = (error: unknown): void => {
    this.#set({ announcement: this.#connection.report(error).message });
  };

  onSort(event: Event): void {
    this.host.sort = (event.target as HTMLSelectElement).value as CommentSort;
  }

  retryLoad(): void {
    if (this.host.threadId) void this.thread.load(this.host.threadId, this.host.sort, this.host.pageSize);
  }

  loadMore(): void {
    const thread = this.host.threadId;
    if (thread && this.thread.nextCursor) this.thread.loadMore(thread, this.host.sort, this.host.pageSize).catch(this.#announce);
  }

  loadReplies(parent: Comment): void {
    this.thread.loadReplies(parent).catch(this.#announce);
  }

  onInput(event: Event, form: string): void {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (field.name === 'name') this.outbox.setName(field.value);
    else if (field.name === 'body') this.outbox.setDraft(form, field.value);
    else this.optIns.input(field, form);
    if (this.errors?.form === form && this.errors[field.name as 'name' | 'body' | 'email']) this.errors = { ...this.errors, [field.name]: undefined };
    this.host.requestUpdate();
  }

  onSubmit(event: SubmitEvent, form: string): void {
    event.preventDefault();
    const name = submitted(event, 'name');
    const body = submitted(event, 'body');
    const notifyEmail = this.host.notifications ? readOptIn(event.target as HTMLFormElement) : '';
    const errors = checkCommentForm(form, name, body, notifyEmail, this.#messages ?? en);
    if (errors.name || errors.body || errors.email) return this.#set({ errors }, fieldOf(errors.name ? 'name' : errors.body ? 'body' : 'email', form));
    this.#set(form ? { errors: undefined, action: undefined, notice: undefined } : { errors: undefined, notice: undefined });
    this.outbox.queue(form, name, body, submitted(event, 'website'), {
      opened: this.host.opened,
      pageUrl: location.href.split('#')[0],
      ...(notifyEmail ? { notifyEmail } : {}),
    });
  }

  /** @internal */
  posted(posted: PostedComment): void {
    const { comment } = posted;
    this.thread.posted(posted, this.host.sort);
    const messages = this.#messages ?? en;
    const notice = posted.notification === 'confirm_sent' ? messages.checkInbox : posted.notification === 'subscribed' ? messages.subscribed : undefined;
    const announcement = comment.status === 'pending' ? messages.held : messages.posted;
    this.#set({ announcement: notice ? `${announcement} ${notice}` : announcement, notice }, at(comment.id));
    this.chunks.reveal(this.thread.comments, comment.id);
  }

  /** @internal */
  failed(failure: LedeError, entry: OutboxEntry, retrying: boolean): void {
    if (retrying) {
      if (entry.attempts === 1) this.#set({ announcement: failure.status === 429 ? failure.message : (this.#messages ?? en).queued });
      return;
    }
    // Refused for good (a bad field, a deleted parent): the text is back in its form, with the reason.
    const form = entry.comment.parentId ?? '';
    if (failure.reason === 'thread_closed') {
      // The forms go; the text stays in its draft, for a thread that reopens.
      this.thread.closed = true;
      return this.#set({ action: undefined, errors: undefined, announcement: (this.#messages ?? en).closed });
    }
    if (form && findComment(this.thread.comments, form)) this.action = { id: form, kind: 'reply' };
    this.optIns.restore(form, entry.comment.notifyEmail);
    const message = explain(failure, this.#messages ?? en);
    if (tokenError(failure)) {
      // A refused sign-in is the reader's, not this comment's: the prompt to sign in again says it
      // above the comment form (and in a reply form, beside the text kept there).
      if (failure.reason === 'sign_in_required') this.thread.signInOnly = true;
      this.identity.error = failure;
      return this.#set({ errors: form ? { form, general: message } : undefined, announcement: message }, fieldOf('body', form));
    }
    const field = failure.field === 'author.name' ? 'name' : failure.field === 'body' ? 'body' : failure.field === 'notifyEmail' ? 'email' : 'general';
    this.#set({ errors: { form, [field]: failure.message }, announcement: failure.message }, fieldOf(field === 'general' ? 'body' : field, form));
  }

  act(id: string, kind: Action['kind']): void {
    const open = this.action?.id === id && this.action.kind === kind;
    if (!open && kind === 'reply') this.outbox.shown(id);
    // Into the opened form: the comment field, or the name while there is none yet.
    const field = kind === 'reply' ? fieldOf(this.outbox.name || this.identity.reader ? 'body' : 'name', id) : 'textarea, input:not([name=website]), .confirm';
    this.#set({ action: open ? undefined : { id, kind }, errors: undefined }, `${at(id)} ${open ? `.${kind}` : `:is(${field})`}`);
  }

  cancel(id: string, kind: Action['kind']): void {
    this.#set({ action: undefined, errors: undefined }, `${at(id)} .${kind}`);
  }

  /** Runs an action against the backend; its failure is announced and shown under the comment. */
  async #attempt(id: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
      this.#set({ errors: undefined });
    } catch (error) {
      const message = explain(this.#connection.report(error), this.#messages ?? en);
      this.#set({ errors: { form: `action:${id}`, general: message }, announcement: message });
    }
  }

  canEdit(comment: Comment): boolean {
    return this.thread.mine(comment.id) || this.identity.owns(comment);
  }

  moderate(comment: Comment, action: ModerateAction): void {
    const done = { approve: 'approved', reject: 'rejected', feature: 'featuredNow', unfeature: 'unfeatured' } as const;
    void this.#attempt(comment.id, async () => {
      await this.thread.moderate(comment, action);
      this.#set({ announcement: (this.#messages ?? en)[done[action]] });
    });
  }

  requestSignIn(): void {
    this.host.dispatchEvent(new LedeSignInRequestedEvent(tokenError(this.identity.error)));
  }

  vote(comment: Comment, value: 1 | -1): void {
    void this.#attempt(comment.id, () => this.thread.vote(comment, value));
  }

  remove(comment: Comment): void {
    void this.#attempt(comment.id, async () => {
      await this.thread.remove(comment);
      this.#set({ action: undefined }, 'textarea');
    });
  }

  /** Saves an edit, or sends a report with its reason. */
  onSmallForm(event: SubmitEvent, comment: Comment, kind: Action['kind']): void {
    event.preventDefault();
    const text = submitted(event, 'text');
    const { id } = comment;
    const messages = this.#messages ?? en;
    if (!hasVisibleCharacter(text))
      return this.#set({ errors: { form: `${kind}-${id}`, body: kind === 'edit' ? messages.needBody : messages.reason } }, `#${CSS.escape(`${kind}-${id}`)}`);
    void this.#attempt(id, async () => {
      if (kind === 'edit') {
        await this.thread.edit(id, text);
      } else {
        await this.thread.report(id, text);
        this.#set({ announcement: messages.reported });
      }
      this.cancel(id, kind);
    });
  }
}
