/**
 * The `<lede-byline>` states page. The event log is imported before the library registers the
 * elements, so reports made while they upgrade are logged.
 */
import './event-log.js';
import { LedeArticle, LedeByline, parseArticleText, type Credit } from '../src/index.js';
import { byId } from './dom.js';

const authors = byId('authors-example', LedeByline);
// Portraits are only rendered from http(s) URLs, so the demo serves them as files.
authors.authors = [
  { name: 'Michael Perry', url: 'https://www.reuters.com/authors/michael-perry/', image: { url: new URL('./content/illustration.svg', location.href).href } },
  { name: 'Angus MacSwan', url: 'https://www.reuters.com/authors/angus-macswan/' },
];
authors.credits = [
  { name: 'Michael Perry', roles: ['writing'] },
  { name: 'Angus MacSwan', roles: ['writing'] },
  { name: 'Nidal al-Mughrabi', roles: ['reporting'], location: 'Gaza' },
  { name: 'Miral Fahmy', roles: ['editing'] },
];

const badCredits = [
  { name: 'Ann Wu', roles: ['writing'] },
  { name: '', roles: ['editing'] },
  { name: 'Bo Li', roles: ['juggling'] },
  null,
] as unknown as Credit[];
byId('bad-example', LedeByline).credits = badCredits;
byId('hidden-error-example', LedeByline).credits = badCredits;

byId('rtl-example', LedeByline).credits = [
  { name: 'ليلى حسن', roles: ['writing'] },
  { name: 'كريم منصور', roles: ['writing', 'editing'] },
  { name: 'سارة علي', roles: ['reporting', 'photography'], location: 'الإسكندرية' },
];

const response = await fetch('./content/seed-article.txt');
if (response.ok) byId('article-example', LedeArticle).article = { ...parseArticleText(await response.text()), language: 'en' };
