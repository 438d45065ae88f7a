import { html, nothing, type TemplateResult } from 'lit';
import type { Person } from '../model.js';
import { formatListToParts } from './format.js';
import { safeUrl } from './url.js';

/**
 * A name, linked to the person's page (`rel="author"`, http(s) only) when given, after their
 * portrait with `portraits`. Isolated (`<bdi>`), so "Sam Jones Jr." keeps its full stop at its
 * end in right-to-left text.
 */
function renderPerson(person: Person, portraits: boolean): TemplateResult {
  const url = safeUrl(person.url);
  const image = portraits ? safeUrl(person.image?.url) : undefined;
  const portrait = image ? html`<img class="avatar" src=${image} alt="" width="24" height="24" loading="lazy" decoding="async" />` : nothing;
  const name = html`<bdi>${person.name}</bdi>`;
  return url ? html`<a href=${url} rel="author">${portrait}${name}</a>` : html`${portrait}${name}`;
}

/**
 * People as a list in the locale's words ("A, B and C"), the joining words as text and each name
 * rendered with its link, and with its portrait when `portraits` is set (styled by `.avatar` in the theme styles).
 */
export function listPeople(people: readonly Person[], locale: string, portraits = false): (TemplateResult | string)[] {
  let index = 0;
  return formatListToParts(
    people.map((person) => person.name),
    locale,
  ).map((part) => (part.type === 'element' ? renderPerson(people[index++]!, portraits) : part.value));
}
