import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { Article, Credit, Person } from '../model.js';
import { creditMessages } from '../credits/messages.js';
import { creditLines } from '../text/credit-lines.js';
import { articleContext, articleHostContext } from '../shared/context.js';
import { toLedeError, type LedeError } from '../shared/errors.js';
import { isUnslottedContent, slotText } from '../shared/light-dom.js';
import { LedeElement } from '../shared/lede-element.js';
import { listPeople } from '../shared/people.js';
import { themeStyles } from '../shared/theme.styles.js';
import { validateArray, validateCredit, validatePerson, type FieldReader } from '../shared/validate.js';
import { bylineStyles } from './byline.styles.js';
import { bylineMessages } from './messages.js';

/** The parser once loaded: later bylines read their credit lines at once, in the same update. */
let loadedParser: ((text: string) => Credit[]) | undefined;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * A list property's usable entries: `undefined` when it is absent or not a list (the next source
 * fills in), else the entries that validate. What was wrong goes to `problems`.
 */
function readList<T>(value: unknown, field: string, read: FieldReader<T>, problems: LedeError[]): T[] | undefined {
  const attempt = <R>(work: () => R) => {
    try {
      return work();
    } catch (error) {
      problems.push(error as LedeError);
      return undefined;
    }
  };
  return attempt(() => validateArray(value, field, (entry, path) => attempt(() => read(entry, path))) ?? (value ? [] : undefined));
}

/**
 * A byline with the story's full credits: "By Michael Perry and Angus MacSwan", and a disclosure
 * that lists everyone by role with where they reported from ("Reporting: Nidal al-Mughrabi (Gaza), …").
 *
 * Credits come from the `credits` property, or are read with `parseCredits` from the
 * `credits-text` attribute or a slotted credits paragraph; names for the compact line come from
 * `authors`, else from the credited authors and writers. Inside a `<lede-article>` every input
 * the byline is not given is taken from the article's data, without wiring, and the article's
 * schema.org JSON-LD lists the byline's people (`author`, `editor`, `contributor`). A byline
 * outside an article writes no JSON-LD of its own.
 *
 * Server-rendered content stays as it is: a printed byline in the default slot is shown instead
 * of the generated line, and the credits paragraph stays visible until the reader opens the full
 * credits, which show the same people by role.
 *
 * @summary A byline and the story's full credits.
 * @tagname lede-byline
 *
 * @slot - The byline as printed ("By time news"); shown instead of the generated line.
 * @slot credits - The credits paragraph as printed; read with `parseCredits`.
 *
 * @csspart byline - The line with the names, source and dateline.
 * @csspart toggle - The button that shows and hides the full credits.
 * @csspart panel - The full credits, grouped by role.
 * @csspart error - The note shown when some credits could not be read.
 *
 * @cssprop --lede-font-ui - Typeface.
 * @cssprop --lede-font-size-small - Text size.
 * @cssprop --lede-color-muted - Text colour.
 * @cssprop --lede-color-text - Role labels.
 * @cssprop --lede-color-link - The toggle.
 * @cssprop --lede-color-border - The rule beside the full credits.
 * @cssprop --lede-color-danger - Error colour.
 * @cssprop --lede-color-focus - Focus ring colour.
 * @cssprop --lede-space-xs - Smallest spacing step; also -s, -m.
 *
 * @fires lede-error - `credits` or `authors` held entries that could not be used (they are left out).
 */
export class LedeByline extends LedeElement {
  /** @internal */
  static override styles = [themeStyles, bylineStyles];

  /** Contributors with their roles. Takes precedence over `credits-text` and the slotted paragraph. */
  @property({ attribute: false }) credits?: Credit[];

  /** The by-lined authors, with links and portraits. */
  @property({ attribute: false }) authors?: Person[];

  /** A credit line to read with `parseCredits`, when no `credits` are given. */
  @property({ attribute: 'credits-text' }) creditsText?: string;

  /** The publisher or source line ("time news"), shown after the names or as "By time news". */
  @property() source?: string;

  /** Where the story was filed from ("GAZA"). */
  @property() dateline?: string;

  /** Whether the full credits are shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** What to show when some data cannot be used: a note, or nothing. */
  @property({ attribute: 'on-error' }) onError: 'show' | 'hide' = 'show';

  /** Whether the page printed a byline of its own in the default slot; read at each update. */
  private lightByline = false;
  private readonly article = new ContextConsumer(this, { context: articleContext, subscribe: true });
  /** The enclosing article, told when the people change. */
  private readonly articleHost = new ContextConsumer(this, { context: articleHostContext });
  /** The credit line last read, and its credits once the parser has read it. */
  private parsed?: { text: string; credits?: Credit[] };
  private resolved: { authors: Person[]; credits: Credit[] } = { authors: [], credits: [] };
  /** What `resolved` was worked out from, to work it out again only when one of them changes. */
  private inputs: unknown[] = [];

  /** The people this byline credits, after every fallback: what it shows and gives the article's JSON-LD. */
  get contributors(): { authors: Person[]; credits: Credit[] } {
    return this.resolved;
  }

  /** Re-reads the printed byline and credits paragraph; call after changing them by hand. */
  readLightContent(): void {
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const article: Article | undefined = this.article.value;
    this.lightByline = [...this.childNodes].some(isUnslottedContent);
    const text = [this.creditsText, slotText(this, 'credits'), article?.creditsText].find(isText);
    if (text !== this.parsed?.text) this.parse(text);
    const inputs = [this.credits, this.authors, this.parsed, article];
    if (inputs.every((input, index) => input === this.inputs[index])) return;
    this.inputs = inputs;
    const problems: LedeError[] = [];
    const credits = readList(this.credits, 'credits', validateCredit, problems);
    const authors = readList(this.authors, 'authors', validatePerson, problems);
    if (changed.has('credits') || changed.has('authors')) this.report(problems[0]);
    this.resolved = {
      authors: authors ?? article?.authors ?? [],
      credits: credits ?? this.parsed?.credits ?? article?.credits ?? [],
    };
    // The enclosing article writes the JSON-LD; let it know the people changed.
    this.articleHost.value?.contributorsChanged();
  }

  /** The parser loads on first use: bylines given `credits` as data never download it. */
  private parse(text: string | undefined): void {
    this.parsed = text ? { text, credits: loadedParser?.(text) } : undefined;
    // The update completes once the credit line has been read and shown.
    if (text && !loadedParser) {
      void this.waitFor(
        import('../text/credits.js').then(
          ({ parseCredits }) => {
            loadedParser = parseCredits;
            // A newer credit line may have come while the parser loaded; it has its own promise.
            if (this.parsed?.text === text) this.parse(text);
            this.requestUpdate();
          },
          (error: unknown) => this.report(toLedeError(error)),
        ),
      );
    }
  }

  override render(): TemplateResult {
    const locale = this.locale;
    const messages = this.messages(bylineMessages);
    const labels = this.messages(creditMessages);
    // The moment the page's language loads, only what the page printed shows.
    if (!messages || !labels) return html`<slot></slot><slot name="credits"></slot>`;
    const article: Article | undefined = this.article.value;
    const { authors, credits } = this.resolved;
    // Without `authors`, the line names those credited as author or writer.
    const named: Person[] = authors.length > 0 ? authors : credits.filter((credit) => credit.roles.some((role) => role === 'author' || role === 'writing'));
    const source = [this.source, article?.byline].find(isText);
    const dateline = [this.dateline, article?.dateline].find(isText);
    const by = labels.author;
    const printed = this.lightByline || named.length === 0;
    const hasCredits = credits.length > 0;
    // No white space between the parts: the separators come from CSS, the same in every build.
    return html`<div class="line" part="byline">${printed ? html`<slot @slotchange=${this.readLightContent}>${source ? html`<span>${by} ${source}</span>` : nothing}</slot>` : html`<span class="names">${by} ${listPeople(named, locale, true)}</span>${source ? html`<span class="source"><bdi>${source}</bdi></span>` : nothing}`}${dateline ? html`<span class="dateline"><bdi>${dateline}</bdi></span>` : nothing}${hasCredits ? html`<button type="button" class="toggle" part="toggle" aria-expanded=${this.open} aria-controls="panel" @click=${this.toggle}>${messages.credits}</button>` : nothing}</div>
      <div id="panel" part="panel" ?hidden=${!this.open || !hasCredits}>${this.open && hasCredits ? html`<dl>${creditLines(credits, labels, locale).map(([label, names]) => html`<dt>${label}</dt><dd>${names}</dd>`)}</dl>` : nothing}</div>
      <slot name="credits" ?hidden=${this.open && hasCredits} @slotchange=${this.readLightContent}></slot>
      ${this.error && this.onError === 'show' ? html`<p class="error" role="alert" part="error">${messages.invalid}</p>` : nothing}`;
  }

  private toggle(): void {
    this.open = !this.open;
  }
}
