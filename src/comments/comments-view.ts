import { adoptStyles, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Comment } from '../model.js';
import { LedeError, toLedeError } from '../shared/errors.js';
import { reportError } from '../shared/events.js';
import { formatDate, formatNumber, formatRelativeTime, isolate, pluralCategory } from '../shared/format.js';
import { LocaleController } from '../shared/locale-controller.js';
import { pickMessages } from '../shared/messages.js';
import { themeStyles } from '../shared/theme.styles.js';
import { checkedProvider } from './answers.js';
import { characterCount, commentParagraphs, hasVisibleCharacter } from './comment-text.js';
import { commentsStyles } from './comments.styles.js';
import { shellStyles } from './shell.styles.js';
import { en, otherLanguages, type CommentsMessages, type Counted } from './messages.js';
import {
  browserStorage,
  freshOwnComments,
  isRetryable,
  newIdempotencyKey,
  readStored,
  retryDelay,
  storageKeys,
  writeStored,
  type OutboxEntry,
  type OwnComment,
} from './outbox.js';
import type { CommentsHost } from './comments-host.js';
import type { CommentProvider, CommentSort } from './provider.js';
import { RestCommentProvider } from './rest-provider.js';
import { appendUnique, chunk, findComment, flattenThread, insertComment, rowKey, updateComment, type ThreadRow } from './thread.js';

/** Protocol limits, counted in characters (code points). */
const NAME_MAX = 80;
const BODY_MAX = 5000;
/** The edit window when a backend does not say: the reference server's default. */
const EDIT_WINDOW = 15 * 60_000;
/** Pages of replies one "more replies" press may fetch: a backend that always has more is cut off. */
const REPLY_PAGES = 20;
/** The longest timer: `setTimeout` fires at once for delays past 2^31 − 1 ms; later work is checked again in a day. */
const MAX_TIMER = 86_400_000;
/** How many of this browser's votes are remembered: the newest ones. */
const VOTES_KEPT = 1000;
/**
 * Rows per rendering chunk. The first render shows `FIRST_CHUNKS`; then one more chunk renders per
 * frame while the end of the rendered rows is near the viewport, so a long thread costs only what
 * the reader scrolls to.
 */
const CHUNK = 20;
const FIRST_CHUNKS = 3;

type Action = { id: string; kind: 'reply' | 'edit' | 'delete' | 'report' };
type FormErrors = { form: string; name?: string; body?: string; general?: string };

/** Loaded message tables by language; a table being fetched is absent. */
const tables: Record<string, Partial<CommentsMessages>> = {};
const loading = new Map<string, Promise<unknown>>();

/** A message about a number, in the locale's digits and plural forms. */
const counted = (message: Counted, count: number, locale: string) => message(formatNumber(count, locale), pluralCategory(count, locale));

/** Selectors for a comment in the thread, and for a form field by its id. */
const at = (id: string) => `[data-id="${CSS.escape(id)}"]`;
const fieldOf = (field: string, form: string) => `#${CSS.escape(`${field}-${form || 'top'}`)}`;
/** A submitted form's text field, trimmed. */
const submitted = (event: SubmitEvent, name: string) => String(new FormData(event.target as HTMLFormElement).get(name) ?? '').trim();

/** When an own comment's edit window closes; entries from before `until` was kept count from `at`. */
const editingEnds = (own: OwnComment) => own.until ?? own.at + EDIT_WINDOW;

/** Runs `work` before the next frame: one chunk per frame, so style and layout stay small too. */
const later = (work: () => void) => requestAnimationFrame(() => work());

/** Fields whose change re-renders the host, as `@state` does on an element. */
const reactiveFields = ['comments', 'total', 'nextCursor', 'status', 'outbox', 'sending', 'action', 'errors', 'announcement', 'shownChunks', 'tick'] as const;

/**
 * Everything of `<lede-comments>` but its shell: the thread, the forms, the outbox and the backend,
 * loaded by `import()` when the element nears the viewport or has unsent work (see lede-comments.ts).
 * It renders into the shell's shadow root, so parts, slots, events and focus are the element's own.
 */
export class CommentsView implements ReactiveController {
  declare comments: Comment[];
  declare total: number;
  declare nextCursor: string | null;
  declare status: 'idle' | 'loading' | 'ready' | 'error' | 'more';
  declare outbox: OutboxEntry[];
  declare sending: Set<string>;
  declare action?: Action;
  declare errors?: FormErrors;
  declare announcement: string;
  declare shownChunks: number;
  /** Bumped every minute; chunks re-render with it one by one, so relative times stay current. */
  declare tick: number;
  /** @internal The values behind the reactive fields. */
  values: Record<string, unknown> = {};

  readonly #localeController: LocaleController;
  readonly #storage = browserStorage();
  #drafts: Record<string, string> = {};
  #name = readStored(this.#storage, storageKeys.name, '');
  #own: Record<string, OwnComment> = {};
  #votes = readStored<Record<string, number>>(this.#storage, storageKeys.votes, {});
  #startedAt = new Map<string, number>();
  #reported = new Set<string>();
  #chunkTicks: number[] = [];
  #rows: ThreadRow[] = [];
  #chunks: ThreadRow[][] = [];
  /** The comments `#rows` were flattened from. */
  #rowsOf?: Comment[];
  #loadedFor?: string;
  /** Comments this browser posted while a page was loading: the page may have been read before they were stored. */
  #postedDuringLoad: Comment[] = [];
  /** The backend `#resolvedProvider` was made for. */
  #source?: unknown[];
  #resolvedProvider?: Promise<CommentProvider>;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #clock?: ReturnType<typeof setInterval>;
  #expiryTimer?: ReturnType<typeof setTimeout>;
  #stepping = false;
  #growing = false;
  /** Whether the end of the rendered rows is within reach of the viewport. */
  #nearEnd = false;
  #observed?: Element | null;
  #observer?: IntersectionObserver;
  /** The chunk holding the comment with an open form, and the one that held it before this update. */
  #activeChunk = -1;
  #previousChunk = -1;
  #focusAfterRender?: string;

  constructor(readonly host: CommentsHost) {
    this.comments = [];
    this.total = 0;
    this.nextCursor = null;
    this.status = 'idle';
    this.outbox = [];
    this.sending = new Set();
    this.announcement = '';
    this.shownChunks = FIRST_CHUNKS;
    this.tick = 0;
    this.#localeController = new LocaleController(host);
    adoptStyles(host.renderRoot as ShadowRoot, [themeStyles, shellStyles, commentsStyles]);
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.#flushOutbox);
    this.#scheduleExpiry();
    this.#clock = setInterval(() => {
      this.tick += 1;
      this.#step();
    }, 60_000);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#flushOutbox);
    clearInterval(this.#clock);
    this.#observer?.disconnect();
    this.#observed = undefined;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#expiryTimer);
  }

  hostUpdate(): void {
    const { host } = this;
    const source = [host.provider, host.backend, host.endpoint];
    const changedSource = source.some((value, index) => value !== this.#source?.[index]);
    if (changedSource) {
      this.#source = source;
      this.#resolvedProvider = undefined;
    }
    const thread = host.threadId;
    const key = `${thread}|${host.sort}|${host.pageSize}`;
    if (thread && (key !== this.#loadedFor || changedSource)) {
      if (thread !== this.#loadedFor?.split('|')[0]) this.#openThread(thread);
      this.#loadedFor = key;
      void this.#load(thread);
    }
    if (this.comments !== this.#rowsOf) {
      this.#rowsOf = this.comments;
      this.#rows = flattenThread(this.comments);
      this.#chunks = chunk(this.#rows, CHUNK);
    }
    for (let index = this.#chunkTicks.length; index < this.#chunks.length; index += 1) this.#chunkTicks[index] = this.tick;
    const active = this.action?.id;
    this.#previousChunk = this.#activeChunk;
    this.#activeChunk = active ? Math.floor(this.#rows.findIndex((row) => 'comment' in row && row.comment.id === active) / CHUNK) : -1;
    if (!this.#startedAt.has('')) this.#startedAt.set('', Date.now());
  }

  hostUpdated(): void {
    this.#step();
    const sentinel = this.host.renderRoot.querySelector('.sentinel');
    if (sentinel !== this.#observed) {
      this.#observer ??= new IntersectionObserver(
        (entries) => {
          this.#nearEnd = entries.at(-1)!.isIntersecting;
          this.#grow();
        },
        { rootMargin: '800px' },
      );
      if (this.#observed) this.#observer.unobserve(this.#observed);
      if (sentinel) this.#observer.observe(sentinel);
      this.#observed = sentinel;
    }
    this.#grow();
    if (this.#focusAfterRender) {
      const target = this.host.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender);
      if (target) {
        this.#focusAfterRender = undefined;
        target.focus();
      }
    }
  }

  /** One more chunk in the next frame, while the end of the rendered rows is near the viewport. */
  #grow(): void {
    if (this.#growing || !this.#nearEnd || this.shownChunks >= this.#chunks.length) return;
    this.#growing = true;
    later(() => {
      this.#growing = false;
      this.shownChunks += 1;
    });
  }

  /** Refreshes relative times a few chunks per frame, so no single task blocks the main thread for long. */
  #step(): void {
    if (this.#stepping) return;
    const stale = this.#chunkTicks.findIndex((tick, index) => index < this.shownChunks && tick !== this.tick);
    if (stale < 0) return;
    this.#stepping = true;
    later(() => {
      this.#stepping = false;
      for (let index = stale; index < stale + FIRST_CHUNKS; index += 1) this.#chunkTicks[index] = this.tick;
      this.host.requestUpdate();
    });
  }

  /** Closes editing and deleting on time: when the next own comment's window ends, rows re-render. */
  #scheduleExpiry(): void {
    clearTimeout(this.#expiryTimer);
    const now = Date.now();
    const next = Math.min(...Object.values(this.#own).map(editingEnds).filter((until) => until > now));
    if (next === Infinity) return;
    this.#expiryTimer = setTimeout(() => {
      this.tick += 1;
      this.#step();
      this.#scheduleExpiry();
    }, Math.min(next - now, MAX_TIMER));
  }

  #provide(): Promise<CommentProvider> {
    this.#resolvedProvider ??= (
      this.host.provider
        ? Promise.resolve(this.host.provider)
        : this.host.backend === 'local'
          ? import('./local-provider.js').then(({ LocalCommentProvider }) => new LocalCommentProvider())
          : Promise.resolve(new RestCommentProvider(this.host.endpoint))
    ).then(checkedProvider);
    return this.#resolvedProvider;
  }

  #signal(): AbortSignal {
    return AbortSignal.timeout(this.host.timeout);
  }

  #report(error: unknown): LedeError {
    const failure = toLedeError(error);
    reportError(this.host, failure);
    return failure;
  }

  /** Restores what this browser keeps for a thread: its unsent comments and the author's pending ones. */
  #openThread(thread: string): void {
    this.#drafts = {};
    this.#startedAt.clear();
    this.#own = freshOwnComments(readStored(this.#storage, storageKeys.own, {}), Date.now());
    this.#scheduleExpiry();
    this.outbox = readStored<OutboxEntry[]>(this.#storage, storageKeys.outbox(thread), []).filter((entry) => entry?.key && entry.comment);
    this.#flushOutbox();
  }

  /** Loads the first page, keeping the author's own pending comments in view. */
  async #load(thread: string): Promise<void> {
    const key = this.#loadedFor;
    this.status = 'loading';
    this.#postedDuringLoad = [];
    try {
      const provider = await this.#provide();
      const held = Object.entries(this.#own).filter(([, own]) => own.pending?.threadId === thread);
      // The author's held comments are asked after alongside the page: one approved or rejected since is no longer pending.
      const [page, ...now] = await Promise.all([
        provider.list(thread, { sort: this.host.sort, limit: this.host.pageSize, signal: this.#signal() }),
        ...held.map(([id, own]) => provider.get?.(id, { token: own.token, signal: this.#signal() }).catch(() => own.pending) ?? own.pending),
      ]);
      if (key !== this.#loadedFor) return;
      let comments = page.comments;
      held.forEach(([id, own], index) => {
        const current = now[index];
        if (current?.status === 'pending') {
          if (!findComment(comments, id)) comments = insertComment(comments, current, false);
        } else {
          delete own.pending;
        }
      });
      if (held.length) this.#saveOwn();
      let total = page.total;
      for (const posted of this.#postedDuringLoad) {
        if (findComment(comments, posted.id)) continue;
        comments = insertComment(comments, posted, this.host.sort === 'oldest' && !posted.parentId);
        if (posted.status !== 'pending') total += 1;
      }
      this.#postedDuringLoad = [];
      this.comments = comments;
      this.total = total;
      this.nextCursor = page.nextCursor;
      this.shownChunks = FIRST_CHUNKS;
      this.#chunkTicks = [];
      this.status = 'ready';
    } catch (error) {
      if (key !== this.#loadedFor) return;
      this.#report(error);
      this.status = 'error';
    }
  }

  #onSort = (event: Event): void => {
    this.host.sort = (event.target as HTMLSelectElement).value as CommentSort;
  };

  #retryLoad = (): void => {
    if (this.host.threadId) void this.#load(this.host.threadId);
  };

  #loadMore = async (): Promise<void> => {
    const thread = this.host.threadId;
    if (!thread || !this.nextCursor) return;
    this.status = 'more';
    try {
      const page = await (await this.#provide()).list(thread, { sort: this.host.sort, cursor: this.nextCursor, limit: this.host.pageSize, signal: this.#signal() });
      this.comments = appendUnique(this.comments, page.comments);
      this.nextCursor = page.nextCursor;
      this.total = page.total;
    } catch (error) {
      this.announcement = this.#report(error).message;
    }
    this.status = 'ready';
  };

  async #loadReplies(parent: Comment): Promise<void> {
    try {
      const replies: Comment[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        if (++pages > REPLY_PAGES) throw new LedeError('invalid-data', `The comment server kept offering more replies; stopped after ${REPLY_PAGES} pages.`);
        const page = await (await this.#provide()).replies(parent.id, { cursor, limit: 100, signal: this.#signal() });
        replies.push(...page.comments);
        cursor = page.nextCursor;
      } while (cursor);
      this.comments = updateComment(this.comments, parent.id, (comment) => ({ ...comment, replies: appendUnique(replies, comment.replies ?? []), replyCount: Math.max(comment.replyCount, replies.length) }));
    } catch (error) {
      this.announcement = this.#report(error).message;
    }
  }

  // Drafts and the form

  #draft(form: string): string {
    return (this.#drafts[form] ??= readStored(this.#storage, storageKeys.draft(this.host.threadId!, form || null), ''));
  }

  #setDraft(form: string, body: string): void {
    this.#drafts[form] = body;
    writeStored(this.#storage, storageKeys.draft(this.host.threadId!, form || null), body);
  }

  #onInput(event: Event, form: string): void {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (field.name === 'name') {
      this.#name = field.value;
      writeStored(this.#storage, storageKeys.name, field.value);
    } else if (field.name === 'body') {
      this.#setDraft(form, field.value);
    }
    if (this.errors?.form === form && this.errors[field.name as 'name' | 'body']) this.errors = { ...this.errors, [field.name]: undefined };
    this.host.requestUpdate();
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  #onSubmit(event: SubmitEvent, form: string): void {
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
    if (errors.name || errors.body) {
      this.errors = errors;
      this.#focusAfterRender = fieldOf(errors.name ? 'name' : 'body', form);
      return;
    }
    this.errors = undefined;
    const entry: OutboxEntry = {
      key: newIdempotencyKey(),
      comment: { author: { name }, body, parentId: form || null, website: submitted(event, 'website'), startedAt: this.#startedAt.get(form) ?? Date.now() },
      attempts: 0,
      retryAt: 0,
    };
    this.#setOutbox([...this.outbox, entry]);
    // The text now lives in the outbox until the backend has it.
    this.#setDraft(form, '');
    this.#startedAt.delete(form);
    if (form) this.action = undefined;
    void this.#send(entry);
  }

  #setOutbox(outbox: OutboxEntry[]): void {
    this.outbox = outbox;
    if (this.host.threadId) writeStored(this.#storage, storageKeys.outbox(this.host.threadId), outbox);
  }

  #saveOwn(): void {
    writeStored(this.#storage, storageKeys.own, this.#own);
    this.#scheduleExpiry();
  }

  /** Sends everything due in the outbox now (and on the browser's `online` event). */
  #flushOutbox = (): void => {
    for (const entry of this.outbox) void this.#send(entry);
  };

  /** One attempt to send a queued comment; on a passing failure it is rescheduled, never dropped. */
  async #send(entry: OutboxEntry): Promise<void> {
    const thread = this.host.threadId;
    if (!thread || this.sending.has(entry.key)) return;
    this.sending = new Set(this.sending).add(entry.key);
    const form = entry.comment.parentId ?? '';
    try {
      const { comment, editToken, editableUntil } = await (await this.#provide()).post(thread, entry.comment, { idempotencyKey: entry.key, signal: this.#signal() });
      this.#setOutbox(this.outbox.filter((other) => other.key !== entry.key));
      const pending = comment.status === 'pending';
      const now = Date.now();
      // By this browser's clock: the window's length as the backend gives it, from now.
      const editWindow = Date.parse(editableUntil!) - Date.parse(comment.createdAt);
      this.#own[comment.id] = { token: editToken, at: now, until: now + (Number.isFinite(editWindow) ? editWindow : EDIT_WINDOW), ...(pending ? { pending: comment } : {}) };
      this.#saveOwn();
      this.comments = insertComment(this.comments, comment, this.host.sort === 'oldest' && !comment.parentId);
      if (this.status === 'loading') this.#postedDuringLoad.push(comment);
      if (!pending) this.total += 1;
      this.announcement = pending ? (this.#messages ?? en).held : (this.#messages ?? en).posted;
      this.#focusAfterRender = at(comment.id);
      this.#revealComment(comment.id);
    } catch (error) {
      const failure = this.#report(error);
      if (isRetryable(failure)) {
        const attempts = entry.attempts + 1;
        // The server's own words ("try again in 1 minute") are shown; the browser's are not for readers.
        const retried = { ...entry, attempts, retryAt: Date.now() + retryDelay(attempts, failure.retryAfter), note: failure.status ? failure.message : undefined };
        this.#setOutbox(this.outbox.map((other) => (other.key === entry.key ? retried : other)));
        if (attempts === 1) this.announcement = failure.status === 429 ? failure.message : (this.#messages ?? en).queued;
      } else {
        // Refused for good (a bad field, a deleted parent): the text goes back to its form with the reason.
        this.#setOutbox(this.outbox.filter((other) => other.key !== entry.key));
        this.#setDraft(form, entry.comment.body);
        if (form && findComment(this.comments, form)) this.action = { id: form, kind: 'reply' };
        const field = failure.field === 'author.name' ? 'name' : failure.field === 'body' ? 'body' : 'general';
        this.errors = { form, [field]: failure.message };
        this.#focusAfterRender = fieldOf(field === 'name' ? 'name' : 'body', form);
        this.announcement = failure.message;
      }
    } finally {
      const sending = new Set(this.sending);
      sending.delete(entry.key);
      this.sending = sending;
      this.#scheduleRetry();
    }
  }

  /** One timer for the earliest entry that is not being sent right now. */
  #scheduleRetry(): void {
    clearTimeout(this.#retryTimer);
    const waiting = this.outbox.filter((entry) => !this.sending.has(entry.key));
    if (waiting.length === 0) return;
    const due = Math.min(...waiting.map((entry) => entry.retryAt));
    this.#retryTimer = setTimeout(() => {
      // Timers may fire a little before the clock (rounded in some browsers) says it is time.
      for (const entry of this.outbox) if (entry.retryAt <= Date.now() + 1000) void this.#send(entry);
      this.#scheduleRetry();
    }, Math.min(Math.max(0, due - Date.now()), MAX_TIMER));
  }

  /** Makes sure the chunk holding a comment is rendered, so focus can move to it. */
  #revealComment(id: string): void {
    const index = flattenThread(this.comments).findIndex((row) => 'comment' in row && row.comment.id === id);
    this.shownChunks = Math.max(this.shownChunks, Math.floor(index / CHUNK) + 1);
  }

  // Actions on comments

  #act(id: string, kind: Action['kind']): void {
    const open = this.action?.id === id && this.action.kind === kind;
    this.action = open ? undefined : { id, kind };
    this.errors = undefined;
    if (!open && kind === 'reply' && !this.#startedAt.has(id)) this.#startedAt.set(id, Date.now());
    // Into the opened form: the comment field, or the name while there is none yet.
    const field = kind === 'reply' ? fieldOf(this.#name ? 'body' : 'name', id) : 'textarea, input:not([name=website]), .confirm';
    this.#focusAfterRender = `${at(id)} ${open ? `.${kind}` : `:is(${field})`}`;
  }

  #cancel(id: string, kind: Action['kind']): void {
    this.action = undefined;
    this.errors = undefined;
    this.#focusAfterRender = `${at(id)} .${kind}`;
  }

  /** Runs an action against the backend; its failure is announced and shown under the comment. */
  async #attempt(id: string, work: (provider: CommentProvider) => Promise<void>): Promise<void> {
    try {
      await work(await this.#provide());
      this.errors = undefined;
    } catch (error) {
      const failure = this.#report(error);
      this.errors = { form: `action:${id}`, general: failure.message };
      this.announcement = failure.message;
    }
  }

  #vote(comment: Comment, value: 1 | -1): void {
    const next = this.#votes[comment.id] === value ? 0 : value;
    void this.#attempt(comment.id, async (provider) => {
      const { score, vote } = await provider.vote(comment.id, next, { signal: this.#signal() });
      // Read again before writing: another element on the page may have voted since.
      const { [comment.id]: _previous, ...votes } = readStored<Record<string, number>>(this.#storage, storageKeys.votes, {});
      this.#votes = Object.fromEntries(Object.entries(vote ? { ...votes, [comment.id]: vote } : votes).slice(-VOTES_KEPT));
      writeStored(this.#storage, storageKeys.votes, this.#votes);
      this.comments = updateComment(this.comments, comment.id, (old) => ({ ...old, score }));
    });
  }


  #deleteComment(comment: Comment): void {
    void this.#attempt(comment.id, async (provider) => {
      await provider.delete(comment.id, this.#own[comment.id]!.token, { signal: this.#signal() });
      if (comment.status === 'published') this.total -= 1;
      // A comment with replies stays as a placeholder so the thread keeps its shape.
      const placeholder = { ...comment, author: { name: '' }, body: '', status: 'deleted' as const };
      this.comments = comment.replyCount > 0 ? updateComment(this.comments, comment.id, () => placeholder) : this.#withoutComment(comment);
      const { [comment.id]: _deleted, ...own } = this.#own;
      this.#own = own;
      this.#saveOwn();
      this.action = undefined;
      this.#focusAfterRender = 'textarea';
    });
  }

  #withoutComment(comment: Comment): Comment[] {
    if (!comment.parentId) return this.comments.filter((other) => other.id !== comment.id);
    return updateComment(this.comments, comment.parentId, (parent) => ({
      ...parent,
      replyCount: parent.replyCount - 1,
      replies: parent.replies?.filter((reply) => reply.id !== comment.id),
    }));
  }

  #replaceOwn(id: string, comment: Comment): void {
    this.comments = updateComment(this.comments, id, (old) => ({ ...comment, replies: old.replies, replyCount: old.replyCount }));
    const own = this.#own[id];
    if (own?.pending) {
      own.pending = comment;
      this.#saveOwn();
    }
  }


  /** Saves an edit, or sends a report with its reason. */
  #onSmallForm(event: SubmitEvent, comment: Comment, kind: Action['kind']): void {
    event.preventDefault();
    const text = submitted(event, 'text');
    const { id } = comment;
    if (!hasVisibleCharacter(text)) {
      const messages = this.#messages ?? en;
      this.errors = { form: `${kind}-${id}`, body: kind === 'edit' ? messages.needBody : messages.reason };
      this.#focusAfterRender = `#${CSS.escape(`${kind}-${id}`)}`;
      return;
    }
    void this.#attempt(id, async (provider) => {
      if (kind === 'edit') {
        this.#replaceOwn(id, await provider.edit(id, text, this.#own[id]!.token, { signal: this.#signal() }));
      } else {
        await provider.report(id, text, { signal: this.#signal() });
        this.#reported.add(id);
        this.announcement = (this.#messages ?? en).reported;
      }
      this.#cancel(id, kind);
    });
  }

  // Rendering

  /** The messages for the current locale, or undefined while its table is being fetched. */
  get #messages(): CommentsMessages | undefined {
    const locale = this.#localeController.locale;
    const language = locale.split('-')[0]!;
    const load = otherLanguages[language];
    if (load && !tables[language]) {
      if (!loading.has(language)) {
        loading.set(
          language,
          load().then(
            (module) => (tables[language] = module.default),
            // Without its table the language falls back to English.
            () => (tables[language] = {}),
          ),
        );
      }
      void loading.get(language)!.then(() => this.host.requestUpdate());
      return undefined;
    }
    return pickMessages({ en, ...tables }, locale);
  }

  render(): TemplateResult | typeof nothing {
    const messages = this.#messages;
    // A moment's wait for the page's language rather than a flash of English.
    if (!messages) return nothing;
    const locale = this.#localeController.locale;
    return html`<section>
      <slot name="heading"><h2>${messages.title}</h2></slot>
      ${this.host.threadId ? this.#renderForm('', messages) : nothing}
      ${this.outbox.length ? html`<ul class="outbox">${this.outbox.map((entry) => this.#renderUnsent(entry, messages))}</ul>` : nothing}
      <div class="bar">
        <p>${this.status === 'ready' || this.status === 'more' ? counted(messages.count, this.total, locale) : ''}</p>
        <label>${messages.sort}
          <select @change=${this.#onSort}>
            ${(['newest', 'oldest', 'top'] as const).map((sort) => html`<option value=${sort} ?selected=${sort === this.host.sort}>${messages[sort]}</option>`)}
          </select>
        </label>
      </div>
      ${this.status === 'error'
        ? html`<div class="error" role="alert" part="error"><span>${messages.loadError}</span><button type="button" @click=${this.#retryLoad}>${messages.retry}</button></div>`
        : this.status === 'loading' || this.status === 'idle'
          ? html`<p class="muted" role="status">${messages.loading}</p>`
          : this.#rows.length === 0
            ? html`<p class="muted">${messages.empty}</p>`
            : this.#chunks.slice(0, this.shownChunks).map((rows, index) =>
                // A chunk re-renders when its rows change, or while a form is open in it (and once after).
                guard([locale, this.#chunkTicks[index], index === this.#activeChunk || index === this.#previousChunk ? {} : 0, ...rows.map(rowKey)], () =>
                  // Until a chunk has been on screen its height is a guess: about 6em a row.
                  html`<div class="chunk" style="contain-intrinsic-size:auto ${rows.length * 6}em">${rows.map((row) => this.#renderRow(row, messages, locale))}</div>`,
                ),
              )}
      ${this.shownChunks < this.#chunks.length && this.status === 'ready' ? html`<div class="sentinel"></div>` : nothing}
      ${this.nextCursor && this.status !== 'loading'
        ? html`<button type="button" class="more" ?disabled=${this.status === 'more'} @click=${this.#loadMore}>${messages.more}</button>`
        : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  /**
   * A form: the comment form (at the top, or a reply under comment `form`), or under a comment the
   * one field to edit it or to give a reason to report it. Only a reply form is named (a form
   * landmark): the comment form sits under the thread's heading, and a name of its own would repeat
   * on every page with more than one thread.
   */
  #renderForm(form: string, messages: CommentsMessages, comment?: Comment, kind: Action['kind'] = 'reply'): TemplateResult {
    const small = kind !== 'reply';
    const id = small ? `${kind}-${form}` : form || 'top';
    const errors = this.errors?.form === (small ? id : form) ? this.errors : undefined;
    const body = small ? '' : this.#draft(form);
    return html`<form part=${ifDefined(small ? undefined : 'form')} class="form" novalidate aria-label=${ifDefined(comment && !small ? messages.replyTo(comment.author.name) : undefined)} @input=${(event: Event) => this.#onInput(event, form)} @submit=${(event: SubmitEvent) => (small ? this.#onSmallForm(event, comment!, kind) : this.#onSubmit(event, form))}>
      ${small
        ? this.#renderField(id, kind === 'edit' ? messages.comment : messages.reason, 'text', kind === 'edit' ? comment!.body : '', errors?.body, `${id}-error`, kind === 'edit' ? undefined : 500)
        : html`${this.#renderField(`name-${id}`, messages.name, 'name', this.#name, errors?.name, `name-error-${id}`, NAME_MAX)}
            ${this.#renderField(`body-${id}`, messages.comment, 'body', body, errors?.body, `body-error-${id}`, undefined, `left-${id}`)}
            <p class="muted" id="left-${id}">${counted(messages.left, BODY_MAX - characterCount(body), this.#localeController.locale)}</p>
            ${this.#renderHoneypot(messages)}`}
      ${errors?.general ? html`<p class="field-error" role="alert">${errors.general}</p>` : nothing}
      <div class="actions">
        <button type="submit">${kind === 'edit' ? messages.save : small ? messages.report : messages.send}</button>
        ${form ? html`<button type="button" @click=${() => this.#cancel(form, kind)}>${messages.cancel}</button>` : nothing}
      </div>
    </form>`;
  }

  /**
   * The honeypot: a field people never meet and bots fill in (the server holds what comes with
   * it). Clipped in place rather than moved off-screen, which scrolls right-to-left pages sideways;
   * inert, so neither Tab, assistive technology nor autofill reaches it; its label asks anyone who
   * does see it (a text browser, styles off) to leave it empty.
   */
  #renderHoneypot(messages: CommentsMessages): TemplateResult {
    return html`<div class="visually-hidden" aria-hidden="true" inert>
      <label>${messages.honeypot} <input name="website" tabindex="-1" autocomplete="off" data-1p-ignore data-lpignore="true" /></label>
    </div>`;
  }

  /**
   * A labelled field and its error, tied together for assistive technology: a one-line input of
   * at most `max` characters, or without `max` a text area; `counter` is the id of a note it also describes.
   */
  #renderField(id: string, label: string, name: string, value: string, error: string | undefined, errorId: string, max?: number, counter?: string): TemplateResult {
    const invalid = error ? 'true' : 'false';
    const describedBy = ifDefined([error && errorId, counter].filter(Boolean).join(' ') || undefined);
    return html`<label for=${id}>${label}</label>
      ${max
        ? html`<input id=${id} name=${name} autocomplete=${ifDefined(name === 'name' ? 'name' : undefined)} maxlength=${max} .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} />`
        : html`<textarea id=${id} name=${name} rows="4" .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} @keydown=${this.#onKeydown}></textarea>`}
      ${error ? html`<p class="field-error" id=${errorId}>${error}</p>` : nothing}`;
  }

  #renderUnsent(entry: OutboxEntry, messages: CommentsMessages): TemplateResult {
    const sending = this.sending.has(entry.key);
    const parent = entry.comment.parentId ? findComment(this.comments, entry.comment.parentId) : undefined;
    return html`<li class="comment unsent" data-key=${entry.key}>
      <p class="meta"><strong><bdi>${entry.comment.author.name}</bdi></strong> <span class="badge">${messages.notSent}</span>
        ${parent ? html`<span class="muted">${messages.replyingTo(isolate(parent.author.name))}</span>` : nothing}</p>
      ${this.#renderBody(entry.comment.body)}
      ${entry.note ? html`<p class="muted">${entry.note}</p>` : nothing}
      <button type="button" ?disabled=${sending} @click=${() => this.#send(entry)}>${sending ? messages.sending : messages.sendNow}</button>
    </li>`;
  }

  #renderBody(body: string): TemplateResult[] {
    return commentParagraphs(body).map(
      (tokens) =>
        html`<p dir="auto">${tokens.map((token) =>
          typeof token === 'string' ? token : 'br' in token ? html`<br />` : html`<a href=${token.href} rel="nofollow ugc noopener" target="_blank">${token.text}</a>`,
        )}</p>`,
    );
  }

  #renderRow(row: ThreadRow, messages: CommentsMessages, locale: string): TemplateResult {
    if ('more' in row) {
      return html`<button type="button" class="more-replies" style="--depth:${row.depth}" @click=${() => this.#loadReplies(row.more)}>${counted(messages.moreReplies, row.count, locale)}</button>`;
    }
    const { comment, depth, replyingTo } = row;
    const id = comment.id;
    if (comment.status === 'deleted') {
      return html`<article class="comment deleted" part="comment" style="--depth:${depth}" data-id=${id} tabindex="-1"><p class="muted">${messages.deleted}</p></article>`;
    }
    const own = this.#own[id];
    const mine = own && Date.now() < editingEnds(own);
    const action = this.action?.id === id ? this.action.kind : undefined;
    const errors = this.errors?.form === `action:${id}` ? this.errors.general : undefined;
    const vote = this.#votes[id] ?? 0;
    const published = comment.status === 'published';
    return html`<article class="comment" part="comment" style="--depth:${depth}" data-id=${id} tabindex="-1" aria-label=${comment.author.name}>
      <p class="meta">
        <strong><bdi>${comment.author.name}</bdi></strong>
        <time datetime=${comment.createdAt} title=${ifDefined(formatDate(comment.createdAt, locale))}>${formatRelativeTime(comment.createdAt, locale)}</time>
        ${comment.editedAt ? html`<span class="muted">· ${messages.edited}</span>` : nothing}
        ${published ? nothing : html`<span class="badge">${messages.pending}</span>`}
        ${replyingTo ? html`<span class="muted">${messages.replyingTo(isolate(replyingTo))}</span>` : nothing}
      </p>
      ${action === 'edit' ? this.#renderForm(id, messages, comment, 'edit') : this.#renderBody(comment.body)}
      <div class="actions">
        ${published
          ? html`<button type="button" aria-label=${messages.upvote} aria-pressed=${vote === 1 ? 'true' : 'false'} @click=${() => this.#vote(comment, 1)}>▲</button>
              <span class="score">${comment.score}</span>
              <button type="button" aria-label=${messages.downvote} aria-pressed=${vote === -1 ? 'true' : 'false'} @click=${() => this.#vote(comment, -1)}>▼</button>
              <button type="button" class="reply" aria-expanded=${action === 'reply' ? 'true' : 'false'} @click=${() => this.#act(id, 'reply')}>${messages.reply}</button>`
          : nothing}
        ${mine
          ? html`<button type="button" class="edit" @click=${() => this.#act(id, 'edit')}>${messages.edit}</button>
              <button type="button" class="delete" @click=${() => this.#act(id, 'delete')}>${messages.delete}</button>`
          : nothing}
        ${published && !this.#reported.has(id) ? html`<button type="button" class="report" @click=${() => this.#act(id, 'report')}>${messages.report}</button>` : nothing}
      </div>
      ${errors ? html`<p class="field-error" role="alert">${errors}</p>` : nothing}
      ${action === 'reply' ? this.#renderForm(id, messages, comment) : nothing}
      ${action === 'delete'
        ? html`<p class="actions">${messages.confirmDelete}
            <button type="button" class="confirm" @click=${() => this.#deleteComment(comment)}>${messages.delete}</button>
            <button type="button" @click=${() => this.#cancel(id, 'delete')}>${messages.cancel}</button></p>`
        : nothing}
      ${action === 'report' ? this.#renderForm(id, messages, comment, 'report') : nothing}
    </article>`;
  }

}

for (const name of reactiveFields) {
  Object.defineProperty(CommentsView.prototype, name, {
    get(this: CommentsView) {
      return this.values[name];
    },
    set(this: CommentsView, value: unknown) {
      this.values[name] = value;
      this.host.requestUpdate();
    },
  });
}
