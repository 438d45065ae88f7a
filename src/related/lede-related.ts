import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { toLedeError } from '../shared/errors.js';
import { LazyModule } from '../shared/lazy-module.js';
import { LedeElement } from '../shared/lede-element.js';
import { themeStyles } from '../shared/theme.styles.js';
import { relatedMessages } from './messages.js';
import { relatedStyles } from './related.styles.js';
import type { RelatedCards } from './related-view.js';

/** The cards' module: once loaded, elements make their cards synchronously. */
const view = new LazyModule(() => import('./related-view.js'));

/**
 * "You may also like": teasers for other stories as a list, a grid or a carousel of cards.
 *
 * Stories come from the `stories` property, from a feed at `src` (RSS 0.91–2.0 and 1.0, Atom 1.0 and
 * 0.3, JSON Feed 1.0 and 1.1, or Lede `Story` JSON, detected from the content, in any encoding), or from a server-rendered list of links, which is
 * readable before JavaScript and, with `lede.css` on the page, becomes cards without moving. A
 * `src` is fetched when the element nears the viewport (or at once with `loading="eager"`), with a
 * timeout and one retry; the last good result is kept for the session and shown if the network
 * later fails. Skeleton cards hold the final space while it loads.
 *
 * The current article (`current-url`, the enclosing `<lede-article>`'s `url`, and the page's own
 * address) is left out, as are repeated URLs; at most `max` stories show.
 *
 * The cards (fetching, choosing and rendering stories) load by `import()` once there are stories to
 * show; until then a server-rendered list stays as `lede.css` lays it out (the `pending` custom
 * state), and skeletons hold a `src`'s place.
 *
 * @summary Related stories.
 * @tagname lede-related
 *
 * @slot heading - Replaces the default heading, e.g. `<h2 slot="heading">More on Gaza</h2>`.
 *
 * @csspart section - The `<section>` holding heading and list.
 * @csspart list - The list of stories.
 * @csspart story - Each story's card.
 * @csspart error - The error message box.
 *
 * @cssprop --lede-measure - Widest the element gets, counted in the body type as the article's column is (default 65ch).
 * @cssprop --lede-font-ui - Typeface of the cards' small print.
 * @cssprop --lede-font-heading - Typeface of the heading and story titles.
 * @cssprop --lede-color-text - Title colour.
 * @cssprop --lede-color-muted - Date and excerpt colour.
 * @cssprop --lede-color-accent - Kicker colour.
 * @cssprop --lede-color-surface-raised - Image and skeleton placeholder colour.
 * @cssprop --lede-color-danger - Error colour.
 * @cssprop --lede-color-focus - Focus ring colour.
 * @cssprop --lede-space-m - Gap between cards; also -s, -l.
 * @cssprop --lede-radius - Corner radius of images and skeletons.
 *
 * @fires lede-story-click - A story link was activated; cancelable, with the story and its position.
 * @fires lede-error - The feed or the `stories` data could not be used, or the request failed.
 * @fires lede-dropped - Once per feed or `stories` value read: the items and optional fields left out, and why.
 */
export class LedeRelated extends LedeElement {
  /** @internal */
  static override styles = [themeStyles, relatedStyles];

  /** The stories as data; takes precedence over `src` and the light-DOM list. Unusable items are left out and reported (`lede-dropped`). */
  @property({ attribute: false }) stories?: readonly unknown[];

  /** URL of a feed: RSS, Atom, JSON Feed, or a JSON array of `Story`. */
  @property() src?: string;

  /** How many stories to show at most. */
  @property({ type: Number }) max = 4;

  /** `list`, `grid` or `carousel`. */
  @property({ reflect: true }) layout: 'list' | 'grid' | 'carousel' = 'list';

  /** The heading text; the localized "You may also like" when absent. A `heading` slot wins over both. */
  @property() heading?: string;

  /** Level of the heading rendered by the element, 2 to 6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** URL of the page the reader is on, left out of the list. Defaults to the enclosing article's `url`. */
  @property({ attribute: 'current-url' }) currentUrl?: string;

  /** `lazy` fetches `src` when the element nears the viewport; `eager` at once. */
  @property() loading: 'lazy' | 'eager' = 'lazy';

  /** Dates as `relative` ("3 days ago") or `absolute` ("November 3, 2023"). */
  @property() dates: 'relative' | 'absolute' = 'relative';

  /** Show each story's excerpt (two lines). */
  @property({ type: Boolean, reflect: true }) excerpts = false;

  /** What to show when `src` fails and nothing else is there: an error message, or nothing. */
  @property({ attribute: 'on-error' }) onError: 'show' | 'hide' = 'show';

  /** Milliseconds each attempt at `src` may take. */
  @property({ type: Number }) timeout = 10000;

  /** Near the viewport, or was: a lazy `src` is fetched from then on. */
  private near?: boolean;
  /** Carries the `pending` state that keeps `lede.css` laying out the server-rendered list. */
  private readonly internals = this.attachInternals();
  private observer?: IntersectionObserver;
  /** The server-rendered list shows through a slot while the cards load. */
  private pending?: boolean;
  /** A server-rendered list was there when connected. */
  private hasList?: boolean;
  /** Fetching, choosing and rendering stories, loaded when there are stories to show. */
  private cards?: RelatedCards;
  /** The cards loading for this element, once; `updateComplete` waits for them. */
  private cardsReady?: Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.hasList = !!this.querySelector(':scope>:is(ul,ol)>li');
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.near = true;
          this.requestUpdate();
          this.observer?.disconnect();
        }
      },
      { rootMargin: '400px' },
    );
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  protected override willUpdate(): void {
    // The cards load for data (which they check), a server-rendered list, or a src once it is wanted.
    if (!this.cards && (this.stories != null || this.hasList || (this.src && this.feedWanted))) {
      if (view.value) this.cards = new view.value.RelatedCards(this, { feedWanted: () => this.feedWanted, report: (error) => this.report(error) });
      // A failed load is reported once and tried again only from the error state's button.
      else
        this.cardsReady ??= this.waitFor(
          view.load().then(
            () => this.requestUpdate(),
            (error: unknown) => this.report(toLedeError(error)),
          ),
        );
    }
    // Until its cards and the page's language can show, a server-rendered list stays as the page stylesheet lays it out.
    const messages = this.messages(relatedMessages);
    this.pending = !(this.cards && messages) && !!this.hasList;
    try {
      this.internals.states[this.pending ? 'add' : 'delete']('pending');
    } catch {
      // A browser without custom states (before 2024) keeps the list readable, if not laid out.
    }
  }

  /** Whether a `src` is to be fetched: the element is near the viewport, or loads eagerly. */
  private get feedWanted(): boolean {
    return !!this.near || this.loading === 'eager';
  }

  override render(): TemplateResult | typeof nothing {
    const messages = this.messages(relatedMessages);
    if (this.pending || !messages) return html`<slot name="heading"></slot><slot></slot>`;
    const locale = this.locale;
    // Without data, a src or a list there is nothing to recommend.
    const stories = this.cards ? this.cards.shown : this.src || this.stories != null ? undefined : [];
    const failed = !stories && this.error;
    if (failed && this.onError === 'hide') return nothing;
    // Nothing to recommend: no empty heading either.
    if (stories?.length === 0) return nothing;
    const level = unsafeStatic(`h${Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2))}`);
    return html`<section part="section">
      <div class="head">
        <slot name="heading">${staticHtml`<${level}>${this.heading ?? messages.heading}</${level}>`}</slot>
        ${stories ? this.cards!.renderButtons(messages) : nothing}
      </div>
      ${
        failed
          ? html`<div class="error" role="alert" part="error">
            <span>${messages.loadError}</span>
            <button type="button" @click=${this.retry}>${messages.retry}</button>
          </div>`
          : stories
            ? this.cards!.render(stories, locale)
            : html`<p class="visually-hidden" role="status">${messages.loading}</p>
              <ul id="stories" class="stories" part="list" aria-hidden="true">
                ${Array.from({ length: Math.max(1, this.max) }, () => html`<li class="story skeleton"><span class="title"></span></li>`)}
              </ul>`
      }
    </section>`;
  }

  /** Requests the feed again, and loads the cards again if that is what failed. */
  private retry = (): void => {
    this.cardsReady = undefined;
    this.report();
    this.cards?.retry();
  };
}
