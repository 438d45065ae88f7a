/**
 * The states pages' event log: every `lede-error` and `lede-article-load` on the page, with the
 * example it came from. Importing this module starts it; import it before the elements register,
 * because an element reports malformed inline JSON-LD while it upgrades.
 */
import type { LedeArticleLoadEvent, LedeErrorEvent } from '../src/index.js';
import { byId } from './dom.js';

const list = byId('log', HTMLOListElement);
const scroller = byId('log-box', HTMLElement);

/** The heading of the example an event came from. */
function sourceOf(event: Event): string {
  const section = event.target instanceof Element ? event.target.closest('section') : null;
  return section?.querySelector('h2')?.textContent?.trim() ?? 'unknown example';
}

export function addEntry(event: Event, detail: string | Node, className: string): void {
  const entry = document.createElement('li');
  entry.className = className;
  const time = new Date().toLocaleTimeString('en-GB');
  const name = Object.assign(document.createElement('span'), { className: 'event-name', textContent: event.type });
  const source = Object.assign(document.createElement('span'), { className: 'source', textContent: ` ${time} · ${sourceOf(event)}` });
  entry.append(name, source, document.createElement('br'), detail);
  list.append(entry);
  // Scroll the log box only, never the page.
  scroller.scrollTop = scroller.scrollHeight;
}

document.addEventListener('lede-error', (event: LedeErrorEvent) => {
  addEntry(event, `${event.error.code}: ${event.error.message}`, 'error');
});

document.addEventListener('lede-article-load', (event: LedeArticleLoadEvent) => {
  // <bdi> keeps a right-to-left headline from reordering the quotation marks around it.
  const headline = Object.assign(document.createElement('bdi'), { textContent: event.article.headline });
  const quoted = document.createDocumentFragment();
  quoted.append('“', headline, '”');
  addEntry(event, quoted, 'load');
});

byId('clear-log', HTMLButtonElement).addEventListener('click', () => list.replaceChildren());
