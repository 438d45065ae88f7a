import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ContextProvider } from '@lit/context';
import type { Article } from '../model.js';
import { articleContext, articleHostContext } from '../shared/context.js';
import { toLedeError } from '../shared/errors.js';
import { LedeArticleLoadEvent, reportDropped } from '../shared/events.js';
import { readingMinutes } from '../shared/format.js';
import { LedeElement } from '../shared/lede-element.js';
import { themeStyles } from '../shared/theme.styles.js';
import { articleMessages } from './messages.js';
import { articleStyles } from './article.styles.js';
import { errorState, loadingState } from './states.js';
import { inlineJsonLd, noLightContent, readLightContent, whenIdle, type LightContent } from './light-content.js';
import { SanitizedBody } from './sanitized-body.js';
import { articleSrcTask, type SrcTask } from './src-task.js';
import { readData, view } from './view.js';

/** Data `<lede-article>` accepts: a Lede `Article`, or schema.org / ninjs JSON as parsed objects. */
export type ArticleInput = Article | Record<string, unknown>;

type BuiltParts = import('./article-view.js').BuiltParts;

/**
 * A news article: kicker, headline, dek, byline, dateline and dates, reading time, and a body with
 * figures and quotes.
 *
 * Content comes from server-rendered light DOM (readable and indexable before JavaScript, and
 * unchanged in layout when the element upgrades if the page includes `lede-elements/lede.css`), from the
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
 * @slot byline - The byline, or a `<lede-byline>` (which shows the dateline on its line, so the article shows no dateline of its own from data).
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
 * @fires lede-error - Data could not be used: malformed JSON, a missing or mistyped headline, a failed `src`.
 * @fires lede-dropped - The article rendered, but malformed optional fields of its data were left out (once per load).
 */
export class LedeArticle extends LedeElement {
  /** @internal */
  static override styles = [themeStyles, articleStyles];

  /**
   * The article as data, in any supported format. Takes precedence over `src` and inline JSON-LD.
   * Data without a usable headline renders the error state and fires `lede-error`; malformed
   * optional fields are left out and reported by `lede-dropped`.
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

  /** Milliseconds to wait for `src` before giving up. */
  @property({ type: Number }) timeout = 15000;

  @state() private propertyData?: Article;
  @state() private inlineData?: Article;
  @state() private light: LightContent = noLightContent;

  private readonly provider = new ContextProvider(this, { context: articleContext });
  private lastAnnounced?: Article;
  /** A body given as HTML, sanitized. */
  private readonly body = new SanitizedBody(this, (error) => this.report(error));
  /** The parts built from data, and what they were built from. */
  private viewParts?: BuiltParts;
  private jsonLdPending = false;
  /** Fetches `src`; made on first use, so elements without one never pay for it. */
  private srcTask?: SrcTask;

  constructor() {
    super();
    // A byline's people go into the JSON-LD, which is written after each update.
    new ContextProvider(this, { context: articleHostContext, initialValue: { contributorsChanged: () => this.requestUpdate() } });
  }

  /** The article as resolved from the property, `src` or inline JSON-LD, in that order. */
  get resolvedArticle(): Article | undefined {
    return this.propertyData ?? (this.src ? this.srcTask?.value : undefined) ?? this.inlineData;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.light = readLightContent(this);
    // A childless element will be given data: start loading the data path now.
    if (!this.firstChild) void view.load();
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
    if ((changed.has('src') || changed.has('timeout')) && this.src)
      void (this.srcTask ??= articleSrcTask(
        this,
        (error) => this.report(toLedeError(error)),
        () => (this.error = undefined),
      )).run();
    if (changed.has('headingLevel') && !(Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6)) {
      console.warn(`lede-article: heading-level must be 1 to 6, got ${this.headingLevel}; using 1.`);
      this.headingLevel = 1;
    }
    this.buildParts();
  }

  /**
   * Builds the parts shown from data once per article, heading level, locale and whether the body
   * is shown. A committed body fragment is empty, so parts are built anew once a server-rendered
   * body goes away.
   */
  private buildParts(): void {
    const article = this.resolvedArticle;
    // The parts already built stay until the language's messages arrive.
    const messages = this.messages(articleMessages);
    if (!article || !messages) {
      if (this.viewParts?.article !== article) this.viewParts = undefined;
      return;
    }
    // Article data only ever comes through the loaded view.
    this.viewParts = view.value!.partsFor(this.viewParts, article, {
      locale: this.locale,
      messages,
      headingLevel: this.headingLevel,
      withBody: !this.light.hasBody,
    });
  }

  protected override updated(): void {
    const article = this.resolvedArticle;
    this.provider.setValue(article ?? this.light.article);
    if (article && article !== this.lastAnnounced) {
      this.lastAnnounced = article;
      this.dispatchEvent(new LedeArticleLoadEvent(article));
      reportDropped(this, view.value!.droppedFrom(article));
    }
    // Without a lead image, the body's first picture is the article's first.
    this.body.sync(article && !article.body && !this.light.hasBody ? article.bodyHtml : undefined, () => !this.viewParts?.parts.image);
    this.scheduleJsonLd();
  }

  /** Reads data of any format, and reports what cannot be read. */
  private readData(data: unknown, accept: (article: Article) => void): void {
    const done = (article: Article) => {
      this.error = undefined;
      accept(article);
    };
    readData(
      data,
      (loading) => void this.waitFor(loading),
      done,
      (error) => this.report(toLedeError(error, 'invalid-data')),
    );
  }

  private readInlineJsonLd(): void {
    try {
      const data = inlineJsonLd(this);
      if (data !== undefined) this.readData(data, (article) => (this.inlineData = article));
    } catch (error) {
      this.report(toLedeError(error, 'invalid-json'));
    }
  }

  /** Writes the JSON-LD once the browser is idle, batching any number of updates into one write. */
  private scheduleJsonLd(): void {
    if (this.jsonLdPending) return;
    this.jsonLdPending = true;
    whenIdle(async () => {
      this.jsonLdPending = false;
      const { syncJsonLdScript } = await import('./json-ld-script.js');
      // Read after the import, so an older write never lands last; a pending body's update writes again.
      if (!this.isConnected || this.body.pending) return;
      const article = this.resolvedArticle;
      syncJsonLdScript(this, this.noJsonLd ? undefined : (article ?? this.light.article), this.bodyText(article));
    });
  }

  /** The text of the body being shown, for reading time and `articleBody`. */
  private bodyText(article: Article | undefined): string {
    if (this.light.hasBody) return this.light.bodyText;
    // Article data only ever comes through the loaded view.
    if (article?.body) return view.value!.blocksToText(article.body);
    return (this.body.nodes ?? [])
      .map((node) => node.textContent ?? '')
      .join('\n\n')
      .trim();
  }

  override render(): TemplateResult | typeof nothing {
    const article = this.resolvedArticle;
    const hasLight = this.light.hasBody || this.light.slots.size > 0;
    // Undefined for the moment the page's language loads: its words follow in the next update.
    const messages = this.messages(articleMessages);
    if (this.error && !article && !hasLight) {
      if (this.onError === 'hide') return nothing;
      return errorState(messages, this.src ? this.retry : undefined);
    }
    if (!article && !hasLight && this.src && this.srcTask?.status !== 'complete') return loadingState(messages);
    // Article data only ever comes through the loaded view.
    const parts = this.viewParts?.parts;
    return html`<article part="article" lang=${ifDefined(parts?.lang)} dir=${ifDefined(parts?.dir)}>
      <header part="header">
        <slot name="kicker">${parts?.kicker}</slot>
        <slot name="headline">${parts?.headline}</slot>
        <slot name="dek">${parts?.dek}</slot>
        <slot name="byline">${parts?.byline}</slot>
        <slot name="dateline">${this.light.bylineElement ? nothing : parts?.dateline}</slot>
        <div class="date-row">
          <slot name="date">${parts?.dates}</slot>
          ${this.renderReadingTime(article)}
        </div>
      </header>
      ${this.light.hasBody ? nothing : parts?.image}
      <div class="body" part="body">${this.light.hasBody ? nothing : (parts?.body ?? this.body.nodes)}<slot @slotchange=${this.onSlotChange}></slot></div>
    </article>`;
  }

  /** Clears the error so the loading state shows while the request runs again. */
  private retry = (): void => {
    this.error = undefined;
    void this.srcTask?.run();
  };

  private onSlotChange = (): void => {
    const next = readLightContent(this);
    if (next.hasBody !== this.light.hasBody || next.bodyText !== this.light.bodyText) this.light = next;
  };

  private renderReadingTime(article: Article | undefined): TemplateResult | typeof nothing {
    if (this.noReadingTime) return nothing;
    const locale = this.locale;
    const minutes = readingMinutes(this.bodyText(article), locale);
    const messages = this.messages(articleMessages);
    if (minutes === 0 || !messages) return nothing;
    return html`<span class="reading-time">${messages.readingTime({ count: minutes })}</span>`;
  }
}
