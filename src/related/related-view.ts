/**
 * `<lede-related>`'s cards: reading stories (data, the server-rendered list, a fetched feed, the
 * session's cached copy), choosing which to show, and the cards with their click and keyboard
 * handling. Loaded by `import()` only once an element has stories to show: at once for data or a
 * server-rendered list, when it nears the viewport for a `src`. Until then the element shows the
 * server-rendered list as `lede.css` lays it out, or skeletons.
 */
import { adoptStyles, html, nothing, type ReactiveController, type ReactiveControllerHost, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ContextConsumer } from '@lit/context';
import { LatestRun } from '../shared/latest-run.js';
import { DropLog } from '../shared/leniency.js';
import type { Story } from '../model.js';
import type { FeedResult } from '../formats/feeds.js';
import { readStories, selectStories } from '../formats/stories.js';
import { articleContext } from '../shared/context.js';
import { LedeError, toLedeError } from '../shared/errors.js';
import { reportDropped } from '../shared/events.js';
import { fetchBytes } from '../shared/fetch.js';
import { formatDate, formatRelativeTime } from '../shared/format.js';
import { safeUrl } from '../shared/url.js';
import { cardStyles } from './cards.styles.js';
import { LedeStoryClickEvent } from './events.js';
import type { RelatedMessages } from './messages.js';

const cachePrefix = 'lede-related:';

/** Each `stories` value read once: every render asks, and what it left out is reported once. */
const read = new WeakMap<readonly unknown[], Story[]>();

function readData(host: HTMLElement, items: readonly unknown[]): Story[] {
  let stories = read.get(items);
  if (!stories) {
    const log = new DropLog();
    read.set(items, (stories = readStories(items, undefined, log, 'stories')));
    reportDropped(host, log.fields);
  }
  return stories;
}

/** The stories of a server-rendered `<ul><li><a href>…</a></li></ul>`, with an `<img>` or `<time>` if given. */
function readLight(host: HTMLElement): Story[] {
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
  );
}

/** The session's last good result for `src`, shown when the network fails. */
function readCache(src: string): Story[] | undefined {
  try {
    const cached = sessionStorage.getItem(cachePrefix + src);
    return cached ? readStories(JSON.parse(cached) as unknown[]) : undefined;
  } catch {
    // Storage disabled, or an entry someone else wrote: as good as no cache.
    return undefined;
  }
}

/** What the cards read of `<lede-related>`: its public properties. */
export interface RelatedHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly stories?: readonly unknown[];
  readonly src?: string;
  readonly max: number;
  readonly layout: 'list' | 'grid' | 'carousel';
  readonly currentUrl?: string;
  readonly dates: 'relative' | 'absolute';
  readonly excerpts: boolean;
  readonly timeout: number;
}

/** What only the element knows and does for its cards, kept out of its public API. */
export interface RelatedHooks {
  /** Whether a `src` is to be fetched: the element is near the viewport, or loads eagerly. */
  feedWanted(): boolean;
  /** Shows and dispatches a failure; without one, clears the error state. */
  report(error?: LedeError): void;
}

/**
 * Everything `<lede-related>` does once it has stories to show: fetching the feed, choosing the
 * stories, and rendering the cards. The element makes one when it first needs it.
 */
export class RelatedCards implements ReactiveController {
  /** The stories to render, worked out before each render; undefined while loading. */
  shown?: Story[];

  private readonly host: RelatedHost;
  private readonly hooks: RelatedHooks;
  private light: Story[] = [];
  /** The `stories` value last checked. */
  private checked?: unknown;
  /** The src and timeout last requested. */
  private requested?: string;
  /** The article the element sits in, if any: its page is left out. */
  private readonly article: ContextConsumer<typeof articleContext, RelatedHost>;

  private readonly feed: LatestRun<{ src: string; stories: Story[] }>;

  constructor(host: RelatedHost, hooks: RelatedHooks) {
    this.host = host;
    this.hooks = hooks;
    this.article = new ContextConsumer(host, { context: articleContext, subscribe: true });
    this.feed = new LatestRun(host, {
      task: async (signal) => {
        const { src, timeout } = host;
        // The feed parsers load while the request runs: pages without a src never fetch them.
        const [{ bytes, contentType }, { parseFeed }] = await Promise.all([
          fetchBytes(src!, {
            signal,
            timeout,
            accept: 'application/feed+json, application/json, application/rss+xml, application/rdf+xml, application/atom+xml, application/xml;q=0.9',
          }),
          import('../formats/feeds.js'),
        ]);
        // Bytes, not text: a feed's encoding may be named only in its XML declaration.
        const { stories, dropped }: FeedResult = parseFeed(bytes, new URL(src!, document.baseURI).href, contentType);
        reportDropped(host, dropped);
        try {
          sessionStorage.setItem(cachePrefix + src, JSON.stringify(stories));
        } catch {
          // A full or disabled storage only costs the offline fallback.
        }
        return { src: src!, stories };
      },
      onError: (error) => hooks.report(toLedeError(error)),
      onComplete: () => hooks.report(),
    });
    host.addController(this);
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof ReactiveElement).elementStyles, cardStyles]);
  }

  hostConnected(): void {
    this.light = readLight(this.host);
  }

  hostUpdate(): void {
    const host = this.host;
    if (host.stories !== this.checked) {
      this.checked = host.stories;
      if (host.stories != null && !Array.isArray(host.stories))
        this.hooks.report(new LedeError('invalid-data', 'stories must be an array.', { field: 'stories' }));
    }
    // Once per src and timeout, when it becomes wanted: neither coming into view later nor
    // switching to eager requests it again.
    const wanted = host.src && this.hooks.feedWanted() ? `${host.timeout} ${host.src}` : undefined;
    if (wanted && wanted !== this.requested) {
      this.requested = wanted;
      void this.feed.run();
    }
    const source = this.source();
    this.shown = source && selectStories(source, [host.currentUrl, this.article.value?.url, location.href], Math.max(0, host.max));
  }

  /** Requests the feed again. */
  retry(): void {
    this.requested = undefined;
  }

  /** The stories to show, before exclusion: data, then the feed or its cached copy, then the light DOM. */
  private source(): Story[] | undefined {
    const { stories, src } = this.host;
    if (Array.isArray(stories)) return readData(this.host, stories);
    if (!src) return this.light;
    // A task keeps its last value while the next request runs: never show one src's stories for another.
    const feed = this.feed.value;
    return (feed?.src === src ? feed.stories : this.feed.status === 'error' ? readCache(src) : undefined) ?? (this.light.length ? this.light : undefined);
  }

  /** The carousel's previous and next buttons, for the heading's row. */
  renderButtons(messages: RelatedMessages): TemplateResult | typeof nothing {
    if (this.host.layout !== 'carousel') return nothing;
    return html`<button type="button" aria-label=${messages.previous} aria-controls="stories" @click=${this.scrollPage}>‹</button>
      <button type="button" aria-label=${messages.next} aria-controls="stories" data-next @click=${this.scrollPage}>›</button>`;
  }

  /** The buttons scroll by one visible width, mirrored in right-to-left text. */
  private scrollPage = (event: Event): void => {
    const list = this.host.renderRoot.querySelector('.stories')!;
    const direction = (event.currentTarget as HTMLElement).hasAttribute('data-next') === this.host.matches(':dir(ltr)') ? 1 : -1;
    list.scrollBy({ left: direction * list.clientWidth });
  };

  /** The list of cards. */
  render(stories: Story[], locale: string): TemplateResult {
    const host = this.host;
    return html`<ul
      id="stories"
      class="stories"
      part="list"
      @click=${(event: MouseEvent) => onClick(host, stories, event)}
      @keydown=${host.layout === 'carousel' ? (event: KeyboardEvent) => onCarouselKey(host, event) : nothing}
    >
      ${stories.map((story) => renderStory(story, host, locale))}
    </ul>`;
  }
}

function renderStory(story: Story, { dates, excerpts }: RelatedHost, locale: string): TemplateResult {
  const date = dates === 'absolute' ? formatDate(story.datePublished, locale, false) : formatRelativeTime(story.datePublished, locale);
  const image = story.image && safeUrl(story.image.url);
  const kicker = story.kicker ?? story.section;
  // Parts a story lacks are left out, not left empty: the grid reserves their rows either way.
  // Text from data is isolated (<bdi>): an English title on a right-to-left page keeps its closing quote at its end.
  return html`<li class="story" part="story">
    ${image ? html`<img src=${image} alt=${story.image!.alt ?? ''} width=${ifDefined(story.image!.width)} height=${ifDefined(story.image!.height)} loading="lazy" decoding="async" />` : nothing}
    ${kicker ? html`<span class="kicker"><bdi>${kicker}</bdi></span>` : nothing}
    <a class="title" href=${story.url}><bdi>${story.title}</bdi></a>
    ${date || story.author ? html`<span class="meta">${date ? html`<time datetime=${story.datePublished!}>${date}</time>` : nothing}${date && story.author ? ' · ' : nothing}${story.author ? html`<bdi>${story.author}</bdi>` : nothing}</span>` : nothing}
    ${excerpts && story.excerpt ? html`<span class="excerpt"><bdi>${story.excerpt}</bdi></span>` : nothing}
  </li>`;
}

/** Announces the activated story; a listener's `preventDefault()` keeps the browser from following the link. */
function onClick(host: HTMLElement, stories: Story[], event: MouseEvent): void {
  const link = (event.target as Element).closest('a');
  const position = link ? links(event).indexOf(link) : -1;
  const story = stories[position];
  if (story && !host.dispatchEvent(new LedeStoryClickEvent(story, position + 1))) event.preventDefault();
}

function links(event: Event): HTMLAnchorElement[] {
  return [...(event.currentTarget as Element).querySelectorAll<HTMLAnchorElement>('.title')];
}

/** Carousel arrows: one story back or on, mirrored in right-to-left text; Home and End. */
function onCarouselKey(host: HTMLElement, event: KeyboardEvent): void {
  const all = links(event);
  const current = all.indexOf(host.shadowRoot!.activeElement as HTMLAnchorElement);
  const step = host.matches(':dir(rtl)') ? -1 : 1;
  const moves: Record<string, number> = { ArrowRight: current + step, ArrowLeft: current - step, Home: 0, End: all.length - 1 };
  const target = all[moves[event.key] ?? -1];
  if (current < 0 || !target) return;
  event.preventDefault();
  target.focus();
}
