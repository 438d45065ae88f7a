/**
 * Writes `<lede-article>`'s schema.org JSON-LD into its light DOM. Loaded and run when the browser
 * is idle after a render: search engines read it, readers never wait for it.
 */
import type { Article } from '../model.js';
import { generatedJsonLdAttribute as generatedJsonLd } from './json-ld-marker.js';
import { isSchemaOrgArticle } from '../parsers/detect-format.js';
import { serializeJsonLd, toNewsArticleJsonLd } from '../parsers/json-ld.js';

function pageDescribesArticle(): boolean {
  return [...document.querySelectorAll(`script[type="application/ld+json"]:not([${generatedJsonLd}])`)].some((script) => {
    try {
      return isSchemaOrgArticle(JSON.parse(script.textContent ?? ''));
    } catch {
      return false;
    }
  });
}

/** Adds, updates or removes the host's generated JSON-LD; none when `article` is undefined or the page has its own. */
export function syncJsonLdScript(host: HTMLElement, article: Article | undefined, bodyText: string): void {
  const existing = host.querySelector<HTMLScriptElement>(`:scope > script[${generatedJsonLd}]`);
  if (!article || pageDescribesArticle()) {
    existing?.remove();
    return;
  }
  const json = serializeJsonLd(toNewsArticleJsonLd(article, bodyText));
  if (existing?.textContent === json) return;
  const script = existing ?? document.createElement('script');
  script.type = 'application/ld+json';
  script.setAttribute(generatedJsonLd, '');
  script.textContent = json;
  if (!existing) host.append(script);
}
