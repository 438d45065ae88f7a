import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { articleContext } from '../shared/context.js';
import { toLedeError } from '../shared/errors.js';
import { LazyModule } from '../shared/lazy-module.js';
import { LedeElement } from '../shared/lede-element.js';
import { themeStyles } from '../shared/theme.styles.js';
import type { CommentsHost } from './host.js';
import type { CommentsView } from './comments-view.js';
import { browserStorage, hasStoredWork } from './outbox.js';
import { shellStyles } from './shell.styles.js';
import type { CommentProvider, CommentSort } from './provider.js';

/** How near the viewport, in pixels, the thread and form start loading. */
const REACH = 1000;

/** The thread and form, loaded when the reader nears them. */
const view = new LazyModule(() => import('./comments-view.js'));

/**
 * A comment thread with its form: nested replies, sorting, "more" by cursor, votes, reports, and
 * editing or deleting one's own comments for a while after posting. A thread the server closed
 * says "Comments are closed" instead of its form (drafts are kept), and featured comments wear a badge.
 *
 * Nothing typed is lost: drafts (top-level and each reply) are kept in `localStorage` as they are
 * typed; a comment that cannot be sent stays visible as "not sent yet" and is retried with backoff
 * and when the browser comes back online, always with the same idempotency key, so it is stored
 * once. Comment text is rendered as text, with `http(s)` links, never as HTML.
 *
 * Only a small shell loads with the page: it reserves the thread's space and loads the thread and
 * form by `import()` when the element comes within about 1000px of the viewport, at once with
 * `loading="eager"`, and at once when this browser holds unsent comments or drafts for the thread.
 *
 * The thread stays live with `live`: new comments wait behind an "N new comments"
 * button, replies to comments on screen appear in place marked new, and edits, deletions and
 * votes change in place, without moving what the reader reads; by the provider's `events`, else
 * by polling, and never while the tab is hidden.
 *
 * The backend is the reference server's REST protocol at `endpoint`, the browser's IndexedDB
 * (`backend="local"`), or any `CommentProvider` set as the `provider` property. The thread is the
 * `thread` attribute, or the id (else URL) of the enclosing `<lede-article>`.
 *
 * @summary The comment thread and form.
 * @tagname lede-comments
 *
 * @slot heading - A heading for the section; "Comments" (an `<h2>`) by default.
 *
 * @csspart comment - Each comment.
 * @csspart form - The comment forms.
 * @csspart error - The error message box.
 * @csspart verified - The mark beside the name of an author the site verified (signed in).
 * @csspart role-badge - The staff badge beside an author's name (`data-role`: staff, journalist or moderator).
 * @csspart moderation - A signed-in moderator's approve, reject and feature buttons on a comment.
 * @csspart sign-in - The prompt to sign in, where the thread takes signed-in readers only or a sign-in was refused.
 *
 * @cssprop --lede-measure - Widest the element gets, counted in the body type as the article's column is (default 65ch).
 * @cssprop --lede-font-ui - Typeface of the thread and form.
 * @cssprop --lede-color-text - Text colour.
 * @cssprop --lede-color-muted - Names, times and counters.
 * @cssprop --lede-color-accent - The pending, not-sent and new badges, and the rule beside new comments.
 * @cssprop --lede-color-link - Link colour.
 * @cssprop --lede-color-surface - Background.
 * @cssprop --lede-color-surface-raised - Field and button background.
 * @cssprop --lede-color-border - Rules, reply guides and field borders.
 * @cssprop --lede-color-danger - Error colour.
 * @cssprop --lede-color-focus - Focus ring colour.
 * @cssprop --lede-comments-indent - Indent per reply level (default 1.25rem).
 * @cssprop --lede-color-verified - The verified mark (default: the accent colour).
 * @cssprop --lede-color-staff - Staff badges (default: the accent colour).
 *
 * @fires lede-error - The thread could not be loaded, or an action failed. Failed posts stay queued.
 * @fires lede-sign-in-requested - The reader pressed "Sign in": the page signs them in and sets `token`.
 */
export class LedeComments extends LedeElement implements CommentsHost {
  /** @internal The thread's own styles come with it; until then the skeleton needs only these. */
  static override styles = [themeStyles, shellStyles];

  /** The thread id; defaults to the enclosing `<lede-article>`'s id, else its URL. */
  @property() thread?: string;

  /** Where the reference server's API is, for the default REST backend. */
  @property() endpoint = '/api';

  /** `rest` (the reference server at `endpoint`) or `local` (IndexedDB in this browser). */
  @property() backend: 'rest' | 'local' = 'rest';

  /** Any backend; wins over `backend` and `endpoint`. */
  @property({ attribute: false }) provider?: CommentProvider;

  /** The order of top-level comments. */
  @property({ reflect: true }) sort: CommentSort = 'newest';

  /** Top-level comments per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Milliseconds to wait for each request before treating it as failed. */
  @property({ type: Number }) timeout = 15000;

  /**
   * When the article was published (ISO 8601), sent with posts: a server that closes threads some
   * days after they open (LEDE_CLOSE_AFTER) counts from it rather than from the first comment.
   */
  @property() opened?: string;

  /**
   * The site's sign-in token for the reader (a JWT from the site's own login). The default REST
   * backend sends it as `Authorization: Bearer` on writes and asks the server who the reader is:
   * their name is then filled and locked, and they edit and delete their comments by identity.
   */
  @property({ attribute: false }) token?: string;

  /**
   * Answers the token, asked before each signed request and once more when the server says it
   * expired, so the site can refresh it; wins over `token`. Set it anew to make the element ask
   * the server who the reader is again.
   */
  @property({ attribute: false }) tokenProvider?: () => string | null | Promise<string | null>;

  /**
   * Follows the thread as it changes (docs/comments.md#live-threads): the provider's `events`, else
   * a poll of the first page. Off unless set: the stream holds one of the page's connections to
   * the server for as long as the element is on the page. `live="off"` (or `false`) is off too.
   */
  @property({ type: Boolean, converter: (value) => value !== null && value !== 'off' && value !== 'false' }) live = false;

  /** Milliseconds between polls of the first page when the provider has no live events (or they keep failing). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30_000;

  /**
   * Offers "Email me when someone replies" under the form: the address goes to the backend as
   * `notifyEmail`, and the reference server asks the reader to confirm it by mail first.
   */
  @property({ type: Boolean }) notifications = false;

  /** `lazy` loads the thread and form near the viewport; `eager` loads them at once. */
  @property() loading: 'lazy' | 'eager' = 'lazy';

  readonly #article = new ContextConsumer(this, { context: articleContext, subscribe: true, callback: () => this.requestUpdate() });
  #view?: CommentsView;
  #viewLoaded?: Promise<void>;
  #observer?: IntersectionObserver;
  /** Settles once the viewport observer has answered (or will not); `updateComplete` waits for it, then for the view if it loads. */
  #sight?: () => void;

  /** The thread id in use: the `thread` attribute, else the enclosing article's id or URL. */
  get threadId(): string | undefined {
    const article = this.#article.value;
    return this.thread || article?.id || article?.url || undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#viewLoaded || this.#observer) return;
    void this.waitFor(new Promise<void>((resolve) => (this.#sight = resolve)));
    this.#observer = new IntersectionObserver(
      (entries) => {
        this.#sight?.();
        if (entries.some((entry) => entry.isIntersecting)) this.#loadView();
      },
      { rootMargin: `${REACH}px` },
    );
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopObserving();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const thread = this.threadId;
    // Unsent comments and drafts are retried and restored at once, wherever the thread is. An
    // element already within reach loads now rather than a frame later, when the observer answers.
    if (!this.#viewLoaded && (this.loading === 'eager' || (thread && hasStoredWork(browserStorage(), thread)) || (!this.hasUpdated && this.#withinReach())))
      this.#loadView();
  }

  #withinReach(): boolean {
    const { top, bottom } = this.getBoundingClientRect();
    return top < innerHeight + REACH && bottom > -REACH;
  }

  #stopObserving(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#sight?.();
  }

  #loadView(): void {
    this.#stopObserving();
    this.#viewLoaded ??= this.waitFor(
      view.load().then(
        ({ CommentsView }) => {
          this.#view = new CommentsView(this, { locale: () => this.locale, messages: (catalog) => this.messages(catalog) });
          this.requestUpdate();
        },
        // The module could not be fetched (offline, a broken deploy): say so, never throw at the page.
        (error: unknown) => this.report(toLedeError(error)),
      ),
    );
  }

  override render(): unknown {
    return this.#view?.render() ?? html`<section aria-busy="true"><slot name="heading"></slot><div class="skeleton"></div></section>`;
  }
}
