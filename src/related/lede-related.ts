import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Article, Story } from '../model.js';
import { readStories, selectStories } from '../parsers/stories.js';
import { articleContext } from '../shared/context.js';
import { LedeError, toLedeError } from '../shared/errors.js';
import { LedeErrorEvent } from '../shared/events.js';
import { fetchText } from '../shared/fetch.js';
import { formatDate, formatRelativeTime } from '../shared/format.js';
import { LocaleController } from '../shared/locale-controller.js';
import { pickMessages } from '../shared/messages.js';
import { themeStyles } from '../shared/theme.styles.js';
import { safeUrl } from '../shared/url.js';
import { LedeStoryClickEvent } from './events.js';
import { relatedMessages } from './messages.js';
import { relatedStyles } from './related.styles.js';

const cachePrefix = 'lede-related:';

/** The stories of a server-rendered `<ul><li><a href>…</a></li></ul>`, with an `<img>` or `<time>` if given. */
function readLightList(host: HTMLElement): Story[] {
  return readStories(
    [...host.querySelectorAll(':scope > :is(ul, ol) > li')].map((item) => {
      const link = item.querySelector('a[href]');
      const image = item.querySelector('img');
      return {
        url: link?.getAttribute('href'),
        title: link?.textContent,
        image: image && { url: image.getAttribute('src'), alt: image.alt },
        datePublished: item.querySelector('time')?.dateTime,
      };
    }),
  ).stories;
}

function readCache(src: string): Story[] | undefined {
  try {
    const cached = sessionStorage.getItem(cachePrefix + src);
    return cached ? readStories(JSON.parse(cached) as unknown[]).stories : undefined;
  } catch {
    // Storage disabled, or an entry someone else wrote: as good as no cache.
    return undefined;
  }
}

/**
 * "You may also like": teasers for other stories as a list, a grid or a carousel of cards.
 *
 * Stories come from the `stories` property, from a feed at `src` (JSON Feed 1.1, RSS 2.0, Atom or
 * Lede `Story` JSON, detected from the content), or from a server-rendered list of links, which is
 * readable before JavaScript and, with `lede.css` on the page, becomes cards without moving. A
 * `src` is fetched when the element nears the viewport (or at once with `loading="eager"`), with a
 * timeout and one retry; the last good result is kept for the session and shown if the network
 * later fails. Skeleton cards hold the final space while it loads.
 *
 * The current article (`current-url`, the enclosing `<lede-article>`'s `url`, and the page's own
 * address) is left out, as are repeated URLs; at most `max` stories show.
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
 */
export class LedeRelated extends LitElement {
  /** @internal */
  static override styles = [themeStyles, relatedStyles];

  /** The stories as data; takes precedence over `src` and the light-DOM list. Unusable items are skipped. */
  @property({ attribute: false }) stories?: readonly unknown[];

  /** URL of a feed: JSON Feed 1.1, RSS 2.0, Atom, or a JSON array of `Story`. */
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

  /** Force the light or dark palette; follows the reader's preference when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Milliseconds each attempt at `src` may take. */
  @property({ type: Number }) timeout = 10000;

  /** The article this element sits in, if any. */
  @consume({ context: articleContext, subscribe: true })
  @state()
  private article?: Article;

  @state() private near = false;
  @state() private fallback?: Story[];
  @state() private error?: LedeError;
  @state() private propertyStories?: Story[];
  @state() private lightStories: Story[] = [];

  private readonly localeController = new LocaleController(this);
  private observer?: IntersectionObserver;
  /** The src and timeout last requested. */
  private requested?: string;
  /** The stories to render, worked out before each render; undefined while loading. */
  private shown?: Story[];

  private readonly feedTask = new Task(this, {
    task: async ([src, timeout], { signal }) => {
      // The feed parsers load while the request runs: pages without a src never fetch them.
      const [text, { parseFeed }] = await Promise.all([
        fetchText(src!, { signal, timeout, accept: 'application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9' }),
        import('../parsers/feeds.js'),
      ]);
      const { stories, skipped } = parseFeed(text, new URL(src!, document.baseURI).href);
      this.warnSkipped(skipped);
      try {
        sessionStorage.setItem(cachePrefix + src, JSON.stringify(stories));
      } catch {
        // A full or disabled storage only costs the offline fallback.
      }
      return { src, stories };
    },
    args: () => [this.src, this.timeout] as const,
    autoRun: false,
    onError: (error) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.fallback = readCache(this.src!);
      this.report(toLedeError(error));
    },
    onComplete: () => {
      this.error = undefined;
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.lightStories = readLightList(this);
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.near = true;
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('stories')) {
      const input = this.stories;
      this.propertyStories = undefined;
      if (Array.isArray(input)) {
        const { stories, skipped } = readStories(input);
        this.warnSkipped(skipped);
        this.propertyStories = stories;
      } else if (input != null) {
        this.report(new LedeError('invalid-data', 'stories must be an array.', { field: 'stories' }));
      }
    }
    // Once per src and timeout, when it becomes wanted: neither coming into view later nor
    // switching to eager requests it again.
    const wanted = this.src && (this.near || this.loading === 'eager') ? `${this.timeout} ${this.src}` : undefined;
    if (wanted && wanted !== this.requested) {
      this.requested = wanted;
      this.fallback = undefined;
      void this.feedTask.run();
    }
    const source = this.source;
    this.shown = source && selectStories(source, [this.currentUrl, this.article?.url, location.href], Math.max(0, this.max));
  }

  private report(error: LedeError): void {
    this.error = error;
    console.warn(`lede-related: ${error.message}`);
    this.dispatchEvent(new LedeErrorEvent(error));
  }

  private warnSkipped(skipped: string[]): void {
    if (skipped.length) console.warn(`lede-related: skipped ${skipped.length} unusable item(s): ${skipped.join('; ')}`);
  }

  /** The stories to show, before exclusion: data, then the feed or its cached copy, then the light DOM. */
  private get source(): Story[] | undefined {
    if (this.propertyStories) return this.propertyStories;
    // A task keeps its last value while the next request runs: never show one src's stories for another.
    const feed = this.feedTask.value;
    if (this.src) return (feed?.src === this.src ? feed.stories : undefined) ?? this.fallback ?? (this.lightStories.length ? this.lightStories : undefined);
    return this.lightStories;
  }

  override render(): TemplateResult | typeof nothing {
    const messages = pickMessages(relatedMessages, this.localeController.locale);
    const stories = this.shown;
    const failed = !stories && this.error;
    if (failed && this.onError === 'hide') return nothing;
    // Nothing to recommend: no empty heading either.
    if (stories?.length === 0) return nothing;
    const level = unsafeStatic(`h${Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2))}`);
    const carousel = this.layout === 'carousel';
    return html`<section part="section">
      <div class="head">
        <slot name="heading">${staticHtml`<${level}>${this.heading ?? messages.heading}</${level}>`}</slot>
        ${carousel && !failed
          ? html`<button type="button" aria-label=${messages.previous} aria-controls="stories" @click=${this.scrollPage}>‹</button>
              <button type="button" aria-label=${messages.next} aria-controls="stories" data-next @click=${this.scrollPage}>›</button>`
          : nothing}
      </div>
      ${failed
        ? html`<div class="error" role="alert" part="error">
            <span>${messages.loadError}</span>
            <button type="button" @click=${this.retry}>${messages.retry}</button>
          </div>`
        : stories
          ? html`<ul id="stories" class="stories" part="list" @click=${this.onClick} @keydown=${this.onKeyDown}>
              ${stories.map((story) => this.renderStory(story))}
            </ul>`
          : html`<p class="visually-hidden" role="status">${messages.loading}</p>
              <ul id="stories" class="stories" part="list" aria-hidden="true">
                ${Array.from({ length: Math.max(1, this.max) }, () => html`<li class="story skeleton"><span class="title"></span></li>`)}
              </ul>`}
    </section>`;
  }

  private renderStory(story: Story): TemplateResult {
    const locale = this.localeController.locale;
    const date = this.dates === 'absolute' ? formatDate(story.datePublished, locale, false) : formatRelativeTime(story.datePublished, locale);
    const image = story.image && safeUrl(story.image.url);
    const kicker = story.kicker ?? story.section;
    // Parts a story lacks are left out, not left empty: the grid reserves their rows either way.
    return html`<li class="story" part="story">
      ${image ? html`<img src=${image} alt=${story.image!.alt ?? ''} width=${ifDefined(story.image!.width)} height=${ifDefined(story.image!.height)} loading="lazy" decoding="async" />` : nothing}
      ${kicker ? html`<span class="kicker">${kicker}</span>` : nothing}
      <a class="title" href=${story.url}>${story.title}</a>
      ${date || story.author ? html`<span class="meta">${date ? html`<time datetime=${story.datePublished!}>${date}</time>` : nothing}${date && story.author ? ` · ${story.author}` : story.author}</span>` : nothing}
      ${this.excerpts && story.excerpt ? html`<span class="excerpt">${story.excerpt}</span>` : nothing}
    </li>`;
  }

  private retry = (): void => {
    this.error = undefined;
    void this.feedTask.run();
  };

  /** Announces the activated story; a listener's `preventDefault()` keeps the browser from following the link. */
  private onClick = (event: MouseEvent): void => {
    const link = (event.target as Element).closest('a');
    const position = link ? this.links.indexOf(link) : -1;
    const story = this.shown?.[position];
    if (story && !this.dispatchEvent(new LedeStoryClickEvent(story, position + 1))) event.preventDefault();
  };

  private get links(): HTMLAnchorElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('.title')];
  }

  private get step(): number {
    return this.matches(':dir(rtl)') ? -1 : 1;
  }

  /** Carousel arrows: one story back or on, mirrored in right-to-left text; Home and End. */
  private onKeyDown = (event: KeyboardEvent): void => {
    if (this.layout !== 'carousel') return;
    const links = this.links;
    const current = links.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLAnchorElement);
    const moves: Record<string, number> = { ArrowRight: current + this.step, ArrowLeft: current - this.step, Home: 0, End: links.length - 1 };
    const target = links[moves[event.key] ?? -1];
    if (current < 0 || !target) return;
    event.preventDefault();
    target.focus();
  };

  /** The carousel's buttons scroll by one visible width. */
  private scrollPage = (event: Event): void => {
    const list = this.renderRoot.querySelector('.stories')!;
    const direction = (event.currentTarget as HTMLElement).hasAttribute('data-next') ? 1 : -1;
    list.scrollBy({ left: direction * this.step * list.clientWidth });
  };
}
