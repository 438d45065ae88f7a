/**
 * Writes `<lede-article>`'s schema.org JSON-LD into its light DOM. Loaded and run when the browser
 * is idle after a render: search engines read it, readers never wait for it. The credits parser
 * lives here too, so the article's own bytes never carry it.
 */
import type { Article, Credit, Person } from '../model.js';
import { generatedJsonLdAttribute as generatedJsonLd } from './json-ld-marker.js';
import { isSchemaOrgArticle } from '../formats/detect-format.js';
import { parseCredits } from '../text/credits.js';
import { serializeJsonLd, toNewsArticleJsonLd } from '../formats/json-ld.js';

function pageDescribesArticle(): boolean {
  return [...document.querySelectorAll(`script[type="application/ld+json"]:not([${generatedJsonLd}])`)].some((script) => {
    try {
      return isSchemaOrgArticle(JSON.parse(script.textContent ?? ''));
    } catch {
      return false;
    }
  });
}

/** What a `<lede-byline>` exposes once upgraded; read by shape so this module never loads the element. */
interface Credited {
  contributors: { authors: Person[]; credits: Credit[] };
}

/**
 * The article's people: its `credits` (or its credits paragraph, parsed) and `authors`, then those
 * of every upgraded `<lede-byline>` inside it. `toNewsArticleJsonLd` merges repeated names.
 */
function withCredits(host: HTMLElement, article: Article): Article {
  const bylines = [...host.querySelectorAll('lede-byline')].flatMap((element) =>
    'contributors' in element ? [(element as unknown as Credited).contributors] : [],
  );
  const credits = [...(article.credits ?? parseCredits(article.creditsText)), ...bylines.flatMap((byline) => byline.credits)];
  const authors = [...(article.authors ?? []), ...bylines.flatMap((byline) => byline.authors)];
  return { ...article, authors: authors.length > 0 ? authors : undefined, credits: credits.length > 0 ? credits : undefined };
}

/** Adds, updates or removes the host's generated JSON-LD; none when `article` is undefined or the page has its own. */
export function syncJsonLdScript(host: HTMLElement, article: Article | undefined, bodyText: string): void {
  const existing = host.querySelector<HTMLScriptElement>(`:scope > script[${generatedJsonLd}]`);
  if (!article || pageDescribesArticle()) {
    existing?.remove();
    return;
  }
  const json = serializeJsonLd(toNewsArticleJsonLd(withCredits(host, article), bodyText));
  if (existing?.textContent === json) return;
  const script = existing ?? document.createElement('script');
  script.type = 'application/ld+json';
  script.setAttribute(generatedJsonLd, '');
  script.textContent = json;
  if (!existing) host.append(script);
}
