import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { ContextProvider } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { Article, ArticleBlock, ImageRef, Person } from '../model.js';
import { blocksToText, generatedJsonLdAttribute as generatedJsonLd, parseJson, readArticleLazily } from '../parsers/article-data.js';
import { articleContext } from '../shared/context.js';
import { LedeError, toLedeError } from '../shared/errors.js';
import { LedeArticleLoadEvent, LedeErrorEvent } from '../shared/events.js';
import { formatDate, parseIsoDate, readingMinutes } from '../shared/format.js';
import { LocaleController } from '../shared/locale-controller.js';
import { pickMessages } from '../shared/messages.js';
import { listPeople } from '../shared/people.js';
import { sanitizeHtml } from '../shared/sanitize.js';
import { themeStyles } from '../shared/theme.styles.js';
import { safeUrl } from '../shared/url.js';
import { articleMessages } from './messages.js';
import { articleStyles } from './article.styles.js';

/** Data `<lede-article>` accepts: a Lede `Article`, or schema.org / ninjs JSON as parsed objects. */
export type ArticleInput = Article | Record<string, unknown>;

const headingTags: Record<number, StaticValue> = {
  1: literal`h1`,
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Runs work when the browser has nothing better to do, or within two seconds. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 1);
}

/** What the server-rendered light DOM holds, read once per change rather than on every render. */
interface LightContent {
  /** Header slots that have slotted content. */
  slots: Set<string>;
  /** Unslotted body content (paragraphs, figures) exists. */
  hasBody: boolean;
  /** The article as far as the light DOM tells it, for JSON-LD and reading time. */
  article?: Article;
  bodyText: string;
}

const noLightContent: LightContent = { slots: new Set(), hasBody: false, bodyText: '' };

function isBodyNode(node: Node): boolean {
  if (node instanceof Element) return !node.slot && !['SCRIPT', 'TEMPLATE', 'STYLE', 'LINK'].includes(node.tagName);
  return node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '';
}

function readLightContent(host: HTMLElement): LightContent {
  const slots = new Set<string>();
  for (const child of host.children) if (child.slot) slots.add(child.slot);
  const bodyNodes = [...host.childNodes].filter(isBodyNode);
  const bodyText = bodyNodes
    .map((node) => node.textContent ?? '')
    .join('\n\n')
    .trim();
  // Children a slotted element places in its own named slots (a <lede-byline>'s credits
  // paragraph) are not part of its printed text.
  const ownText = (element: Element | null) =>
    element && [...element.childNodes].filter((node) => !(node instanceof Element && node.slot)).map((node) => node.textContent).join('');
  const slotText = (name: string) => ownText(host.querySelector(`:scope > [slot="${name}"]`))?.replace(/\s+/g, ' ').trim() || undefined;
  const times = [...host.querySelectorAll(':scope > [slot="date"] time[datetime], :scope > time[slot="date"][datetime]')]
    .map((time) => time.getAttribute('datetime') ?? '')
    .filter((value) => parseIsoDate(value));
  const headline = slotText('headline');
  const byline = slotText('byline')?.replace(/^by\s+/i, '');
  return {
    slots,
    hasBody: bodyNodes.length > 0,
    bodyText,
    article: headline
      ? {
          headline,
          kicker: slotText('kicker'),
          dek: slotText('dek'),
          byline,
          dateline: slotText('dateline'),
          datePublished: times[0],
          dateModified: times[1],
        }
      : undefined,
  };
}

/**
 * A news article: kicker, headline, dek, byline, dateline and dates, reading time, and a body with
 * figures and quotes.
 *
 * Content comes from server-rendered light DOM (readable and indexable before JavaScript, and
 * unchanged in layout when the element upgrades if the page includes `lede/lede.css`), from the
 * `article` property, from a `src` URL, or from a `<script type="application/ld+json">` child. Data
 * may be Lede's `Article` JSON, schema.org `NewsArticle` JSON-LD, or IPTC ninjs 1.x–3.x. Light-DOM
 * content wins over data for each part, so data only fills the gaps.
 *
 * When the page has no article JSON-LD, the element adds a schema.org `NewsArticle` script to its
 * light DOM for search engines (opt out with `no-json-ld`). Elements inside it (`<lede-byline>`,
 * `<lede-comments>`…) receive the article through `@lit/context`.
 *
 * @summary The article itself.
 * @tagname lede-article
 *
 * @slot - The body: paragraphs, subheadings, figures, block quotes.
 * @slot kicker - The label above the headline.
 * @slot headline - The headline, usually an `<h1>`.
 * @slot dek - The standfirst under the headline.
 * @slot byline - The byline, or a `<lede-byline>`.
 * @slot dateline - Where the story was filed from.
 * @slot date - Publication date, best as `<time datetime>`.
 *
 * @csspart article - The `<article>` landmark.
 * @csspart header - The header holding kicker to dates.
 * @csspart body - The body container.
 * @csspart error - The error message box.
 *
 * @cssprop --lede-font-body - Body typeface.
 * @cssprop --lede-font-heading - Headline typeface (defaults to the body's).
 * @cssprop --lede-font-ui - Typeface of small print: kicker, byline, dates, captions.
 * @cssprop --lede-font-size - Base font size (default 1.125rem).
 * @cssprop --lede-font-size-small - Small print size.
 * @cssprop --lede-line-height - Body line height.
 * @cssprop --lede-measure - Line length of the text column (default 65ch).
 * @cssprop --lede-color-text - Text colour.
 * @cssprop --lede-color-muted - Secondary text colour.
 * @cssprop --lede-color-accent - Kicker and quote rule colour.
 * @cssprop --lede-color-link - Link colour.
 * @cssprop --lede-color-surface - Background.
 * @cssprop --lede-color-surface-raised - Placeholder and button background.
 * @cssprop --lede-color-border - Rules and borders.
 * @cssprop --lede-color-danger - Error colour.
 * @cssprop --lede-color-focus - Focus ring colour.
 * @cssprop --lede-space-xs - Smallest spacing step; also -s, -m, -l, -xl.
 * @cssprop --lede-radius - Corner radius.
 *
 * @fires lede-article-load - New article data was resolved from the property, `src` or inline JSON-LD.
 * @fires lede-error - Data could not be used: malformed JSON, wrong types, missing fields, a failed `src`.
 */
export class LedeArticle extends LitElement {
  /** @internal */
  static override styles = [themeStyles, articleStyles];

  /**
   * The article as data, in any supported format. Takes precedence over `src` and inline JSON-LD.
   * Invalid data renders the error state and fires `lede-error`.
   */
  @property({ attribute: false }) article?: ArticleInput;

  /** URL of the article's JSON (any supported format), fetched when set. */
  @property() src?: string;

  /** Level of the headline rendered from data, 1 to 6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 1;

  /** Don't add schema.org JSON-LD to the page. */
  @property({ type: Boolean, attribute: 'no-json-ld' }) noJsonLd = false;

  /** Don't show the estimated reading time. */
  @property({ type: Boolean, attribute: 'no-reading-time' }) noReadingTime = false;

  /** What to show when the data cannot be used: an error message, or nothing. */
  @property({ attribute: 'on-error' }) onError: 'show' | 'hide' = 'show';

  /** Force the light or dark palette; follows the reader's preference when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Milliseconds to wait for `src` before giving up. */
  @property({ type: Number }) timeout = 15000;

  @state() private propertyData?: Article;
  @state() private inlineData?: Article;
  @state() private error?: LedeError;
  @state() private light: LightContent = noLightContent;
  @state() private sanitizedBody?: Node[];

  private readonly localeController = new LocaleController(this);
  private readonly provider = new ContextProvider(this, { context: articleContext });
  private lastAnnounced?: Article;
  private sanitizedSource?: string;
  private jsonLdPending = false;

  private readonly srcTask = new Task(this, {
    task: async ([src, timeout], { signal }) => {
      if (!src) return undefined;
      const response = await fetch(src, {
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeout)]),
        headers: { Accept: 'application/json, application/ld+json, application/vnd.ninjs+json' },
      });
      if (!response.ok) {
        throw new LedeError('http', `The article request failed with HTTP ${response.status}.`, { status: response.status });
      }
      return readArticleLazily(parseJson(await response.text()));
    },
    args: () => [this.src, this.timeout] as const,
    // Run only for a src (see willUpdate): an idle task would still cost every element a render.
    autoRun: false,
    onError: (error) => {
      // A superseded request was aborted on purpose; only report real failures.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.report(toLedeError(error));
    },
    onComplete: (article) => {
      if (article) this.error = undefined;
    },
  });

  /** The article as resolved from the property, `src` or inline JSON-LD, in that order. */
  get resolvedArticle(): Article | undefined {
    return this.propertyData ?? (this.src ? this.srcTask.value : undefined) ?? this.inlineData;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.light = readLightContent(this);
    this.readInlineJsonLd();
  }

  /** Re-reads the light DOM; call after changing server-rendered children by hand. */
  refreshLightContent(): void {
    this.light = readLightContent(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('article')) {
      const input = this.article;
      this.propertyData = undefined;
      if (input !== undefined && input !== null) {
        this.readData(input, (article) => {
          // A newer value may have been set while the format's mappers loaded.
          if (this.article === input) this.propertyData = article;
        });
      }
    }
    if ((changed.has('src') || changed.has('timeout')) && this.src) void this.srcTask.run();
    if (changed.has('headingLevel') && !headingTags[this.headingLevel]) {
      console.warn(`lede-article: heading-level must be 1 to 6, got ${this.headingLevel}; using 1.`);
      this.headingLevel = 1;
    }
  }

  protected override updated(): void {
    const article = this.resolvedArticle;
    this.provider.setValue(article ?? this.light.article);
    if (article && article !== this.lastAnnounced) {
      this.lastAnnounced = article;
      this.dispatchEvent(new LedeArticleLoadEvent(article));
    }
    this.syncSanitizedBody(article);
    this.scheduleJsonLd();
  }

  private report(error: LedeError): void {
    this.error = error;
    console.warn(`lede-article: ${error.message}`);
    this.dispatchEvent(new LedeErrorEvent(error));
  }

  /** Reads data of any format, synchronously when it can, and reports what cannot be read. */
  private readData(data: unknown, accept: (article: Article) => void): void {
    const fail = (error: unknown) => this.report(toLedeError(error, 'invalid-data'));
    const done = (article: Article) => {
      this.error = undefined;
      accept(article);
    };
    try {
      const result = readArticleLazily(data);
      if (result instanceof Promise) result.then(done, fail);
      else done(result);
    } catch (error) {
      fail(error);
    }
  }

  private readInlineJsonLd(): void {
    const script = this.querySelector(`:scope > script[type="application/ld+json"]:not([${generatedJsonLd}])`);
    if (!script) return;
    try {
      this.readData(parseJson(script.textContent ?? ''), (article) => (this.inlineData = article));
    } catch (error) {
      this.report(toLedeError(error, 'invalid-json'));
    }
  }

  /** Sanitizes an HTML body once per distinct source; the result is inserted as a node. */
  private syncSanitizedBody(article: Article | undefined): void {
    const source = article && !article.body && !this.light.hasBody ? article.bodyHtml : undefined;
    if (source === this.sanitizedSource) return;
    this.sanitizedSource = source;
    if (!source) {
      this.sanitizedBody = undefined;
      return;
    }
    sanitizeHtml(source).then(
      (element) => {
        if (this.sanitizedSource === source) this.sanitizedBody = [...element.childNodes];
      },
      (error: unknown) => this.report(toLedeError(error, 'invalid-data')),
    );
  }

  /** Writes the JSON-LD once the browser is idle, batching any number of updates into one write. */
  private scheduleJsonLd(): void {
    if (this.jsonLdPending) return;
    this.jsonLdPending = true;
    whenIdle(async () => {
      this.jsonLdPending = false;
      if (!this.isConnected) return;
      const article = this.resolvedArticle;
      const { syncJsonLdScript } = await import('./json-ld-script.js');
      syncJsonLdScript(this, this.noJsonLd ? undefined : (article ?? this.light.article), this.bodyText(article));
    });
  }

  /** The text of the body being shown, for reading time and `articleBody`. */
  private bodyText(article: Article | undefined): string {
    if (this.light.hasBody) return this.light.bodyText;
    if (article?.body) return blocksToText(article.body);
    return (this.sanitizedBody ?? []).map((node) => node.textContent ?? '').join('\n\n').trim();
  }

  override render(): TemplateResult | typeof nothing {
    const article = this.resolvedArticle;
    const hasLight = this.light.hasBody || this.light.slots.size > 0;
    const messages = pickMessages(articleMessages, this.localeController.locale);
    if (this.error && !article && !hasLight) {
      if (this.onError === 'hide') return nothing;
      return html`<div class="error" role="alert" part="error">
        <span>${messages.loadError}</span>
        ${this.src ? html`<button type="button" @click=${this.retry}>${messages.retry}</button>` : nothing}
      </div>`;
    }
    if (!article && !hasLight && this.src && this.srcTask.status !== TaskStatus.COMPLETE) {
      return html`<article part="article" aria-busy="true">
        <p class="visually-hidden" role="status">${messages.loading}</p>
        <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
      </article>`;
    }
    const language = article?.language;
    const direction = language && rtlLanguages.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : undefined;
    return html`<article part="article" lang=${ifDefined(language)} dir=${ifDefined(direction)}>
      <header part="header">
        <slot name="kicker">${article?.kicker ? html`<p class="kicker">${article.kicker}</p>` : nothing}</slot>
        <slot name="headline">${article ? this.renderHeadline(article.headline) : nothing}</slot>
        <slot name="dek">${article?.dek ? html`<p class="dek">${article.dek}</p>` : nothing}</slot>
        <slot name="byline">${article ? this.renderByline(article, messages.by) : nothing}</slot>
        <slot name="dateline">${article?.dateline ? html`<p class="dateline">${article.dateline}</p>` : nothing}</slot>
        <div class="date-row">
          <slot name="date">${article ? this.renderDates(article, messages.updated) : nothing}</slot>
          ${this.renderReadingTime(article)}
        </div>
      </header>
      ${article?.image && !this.light.hasBody ? this.renderImage(article.image, 'lead-image') : nothing}
      <div class="body" part="body">${this.light.hasBody ? nothing : this.renderBody(article)}<slot @slotchange=${this.onSlotChange}></slot></div>
    </article>`;
  }

  /** Clears the error so the loading state shows while the request runs again. */
  private retry = (): void => {
    this.error = undefined;
    void this.srcTask.run();
  };

  private onSlotChange = (): void => {
    const next = readLightContent(this);
    if (next.hasBody !== this.light.hasBody || next.bodyText !== this.light.bodyText) this.light = next;
  };

  private renderHeadline(headline: string): TemplateResult {
    const tag = headingTags[this.headingLevel] ?? headingTags[1]!;
    return staticHtml`<${tag} class="headline">${headline}</${tag}>`;
  }

  private renderByline(article: Article, by: string): TemplateResult | typeof nothing {
    const authors = article.authors ?? [];
    if (authors.length > 0) {
      const names = listPeople(authors, this.localeController.locale, (author) => this.renderPerson(author));
      return html`<p class="byline">${by} ${names}</p>`;
    }
    if (!article.byline) return nothing;
    return html`<p class="byline">${/^by\s/i.test(article.byline) ? article.byline : `${by} ${article.byline}`}</p>`;
  }

  private renderPerson(person: Person): TemplateResult | string {
    const url = safeUrl(person.url);
    return url ? html`<a href=${url} rel="author">${person.name}</a>` : person.name;
  }

  private renderDates(article: Article, updated: string): TemplateResult | typeof nothing {
    const locale = this.localeController.locale;
    const published = formatDate(article.datePublished, locale);
    const modified = article.dateModified !== article.datePublished ? formatDate(article.dateModified, locale) : undefined;
    if (!published && !modified) return nothing;
    return html`<p class="date">
      ${published ? html`<time datetime=${article.datePublished!}>${published}</time>` : nothing}
      ${modified ? html`${published ? ' · ' : ''}${updated} <time datetime=${article.dateModified!}>${modified}</time>` : nothing}
    </p>`;
  }

  private renderReadingTime(article: Article | undefined): TemplateResult | typeof nothing {
    if (this.noReadingTime) return nothing;
    const locale = this.localeController.locale;
    const minutes = readingMinutes(this.bodyText(article), locale);
    if (minutes === 0) return nothing;
    return html`<span class="reading-time">${pickMessages(articleMessages, locale).readingTime(minutes, locale)}</span>`;
  }

  private renderImage(image: ImageRef, className?: string): TemplateResult | typeof nothing {
    const url = safeUrl(image.url);
    if (!url) return nothing;
    const img = html`<img
      src=${url}
      alt=${image.alt ?? ''}
      width=${ifDefined(image.width)}
      height=${ifDefined(image.height)}
      loading="lazy"
      decoding="async"
    />`;
    return className ? html`<figure class=${className}>${img}</figure>` : img;
  }

  private renderBody(article: Article | undefined): unknown {
    if (!article) return nothing;
    if (article.body) return article.body.map((block) => this.renderBlock(block));
    return this.sanitizedBody ?? nothing;
  }

  private renderBlock(block: ArticleBlock): unknown {
    switch (block.type) {
      case 'paragraph':
        return html`<p>${block.text}</p>`;
      case 'heading': {
        const tag = headingTags[Math.min(6, Math.max(this.headingLevel + 1, block.level))]!;
        return staticHtml`<${tag}>${block.text}</${tag}>`;
      }
      case 'quote':
        return html`<blockquote>
          <p>${block.text}</p>
          ${block.cite ? html`<footer>— <cite>${block.cite}</cite></footer>` : nothing}
        </blockquote>`;
      case 'figure':
        return html`<figure>
          ${this.renderImage(block.image)}
          ${block.caption || block.credit
            ? html`<figcaption>${block.caption ?? ''}${block.credit ? html`<span class="credit">${block.credit}</span>` : nothing}</figcaption>`
            : nothing}
        </figure>`;
      case 'list':
        return block.ordered
          ? html`<ol>${block.items.map((item) => html`<li>${item}</li>`)}</ol>`
          : html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>`;
    }
  }
}
