import { adoptStyles, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Comment } from '../model.js';
import type { LedeError } from '../shared/errors.js';
import { themeStyles } from '../shared/theme.styles.js';
import { ChunkedRows } from './chunks.js';
import { characterCount, hasVisibleCharacter } from './comment-text.js';
import { commentsStyles } from './comments.styles.js';
import { HostConnection } from './connection.js';
import type { CommentsHost, CommentsLanguage } from './host.js';
import { commentsMessages, type CommentsMessages } from './messages.js';
import type { OutboxEntry } from './outbox.js';
import { readOptIn } from './notify.js';
import { OutboxStore, type SendResults } from './outbox-store.js';
import type { CommentSort, PostedComment } from './provider.js';
import { shellStyles } from './shell.styles.js';
import { BODY_MAX, NAME_MAX, renderThread, type Action, type CommentsUi, type FormErrors } from './templates.js';
import { findComment } from './thread.js';
import { ThreadStore } from './thread-store.js';

/** For what happens after a render (announcements, form errors): by then the language has loaded. */
const en = commentsMessages.get('en')!;

/** Selectors for a comment in the thread, and for a form field by its id. */
const at = (id: string) => `[data-id="${CSS.escape(id)}"]`;
const fieldOf = (field: string, form: string) => `#${CSS.escape(`${field}-${form || 'top'}`)}`;
/** A submitted form's text field, trimmed. */
const submitted = (event: SubmitEvent, name: string) => String(new FormData(event.target as HTMLFormElement).get(name) ?? '').trim();

/**
 * Everything of `<lede-comments>` but its shell, loaded by `import()` when the element nears the
 * viewport or has unsent work (see lede-comments.ts): it wires the thread store, the outbox and
 * drafts store and the chunked rows to the templates, and keeps what the forms show (the open
 * action, errors, announcements, where focus goes). It renders into the shell's shadow root, so
 * parts, slots, events and focus are the element's own.
 */
export class CommentsView implements ReactiveController, CommentsUi, SendResults {
  action?: Action;
  errors?: FormErrors;
  announcement = '';
  notice?: string;
  locale = 'en';
  readonly thread: ThreadStore;
  readonly outbox: OutboxStore;
  readonly chunks: ChunkedRows;
  readonly #connection: HostConnection;
  #loadedFor?: string;
  /** The messages for the locale, or undefined while its table is being fetched. */
  #messages?: CommentsMessages;
  #focusAfterRender?: string;

  constructor(
    readonly host: CommentsHost,
    private readonly language: CommentsLanguage,
  ) {
    const changed = () => host.requestUpdate();
    this.#connection = new HostConnection(host);
    this.chunks = new ChunkedRows(host);
    this.thread = new ThreadStore(this.#connection, changed, () => this.chunks.bump());
    this.outbox = new OutboxStore(this.#connection, changed, this);
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
    if (this.errors?.form === form && this.errors[field.name as 'name' | 'body' | 'email']) this.errors = { ...this.errors, [field.name]: undefined };
    this.host.requestUpdate();
  }

  onSubmit(event: SubmitEvent, form: string): void {
    event.preventDefault();
    const name = submitted(event, 'name');
    const body = submitted(event, 'body');
    const messages = this.#messages ?? en;
    const errors: FormErrors = { form };
    // Zero-width characters, fillers or marks alone are no name and no comment.
    if (!hasVisibleCharacter(name)) errors.name = messages.needName;
    else if (characterCount(name) > NAME_MAX) errors.name = messages.tooLong;
    if (!hasVisibleCharacter(body)) errors.body = messages.needBody;
    else if (characterCount(body) > BODY_MAX) errors.body = messages.tooLong;
    const notifyEmail = this.host.notifications ? readOptIn(event.target as HTMLFormElement) : '';
    if (notifyEmail === null) errors.email = messages.needEmail;
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
    const field = failure.field === 'author.name' ? 'name' : failure.field === 'body' ? 'body' : failure.field === 'notifyEmail' ? 'email' : 'general';
    this.#set({ errors: { form, [field]: failure.message }, announcement: failure.message }, fieldOf(field === 'general' ? 'body' : field, form));
  }

  act(id: string, kind: Action['kind']): void {
    const open = this.action?.id === id && this.action.kind === kind;
    if (!open && kind === 'reply') this.outbox.shown(id);
    // Into the opened form: the comment field, or the name while there is none yet.
    const field = kind === 'reply' ? fieldOf(this.outbox.name ? 'body' : 'name', id) : 'textarea, input:not([name=website]), .confirm';
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
      const failure = this.#connection.report(error);
      this.#set({ errors: { form: `action:${id}`, general: failure.message }, announcement: failure.message });
    }
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
