/**
 * What every demo page shares: the head's metadata and stylesheets, the site header with its
 * navigation, and the states pages' event log. `vite.config.ts` puts them in place of
 * `<!-- demo:head -->`, `<!-- demo:header -->` and `<!-- demo:event-log lede-error … -->` (the
 * events the page logs) as each page is served, so they are in the HTML before any script runs.
 * Plain strings, no Lit: the Vite config imports this file.
 */

/** The demo's pages, in navigation order. */
const pages: { file: string; label: string }[] = [
  { file: 'index.html', label: 'Playground' },
  { file: 'article.html', label: '<code>&lt;lede-article&gt;</code>' },
  { file: 'byline.html', label: '<code>&lt;lede-byline&gt;</code>' },
  { file: 'credits.html', label: 'Credit-line parser' },
  { file: 'related.html', label: '<code>&lt;lede-related&gt;</code>' },
  { file: 'comments.html', label: '<code>&lt;lede-comments&gt;</code>' },
];

const head = `<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/lede.css" />
    <link rel="stylesheet" href="./demo.css" />`;

/**
 * The site header, with the page `file` (e.g. `byline.html`) marked as the current one. On narrow
 * screens the navigation is a popover behind a "Pages" button (demo.css), so it needs no script.
 */
function siteHeader(file: string): string {
  const links = pages.map(({ file: target, label }) => {
    const href = target === 'index.html' ? './' : `./${target}`;
    return `<li><a href="${href}"${target === file ? ' aria-current="page"' : ''}>${label}</a></li>`;
  });
  return `<header class="site-header">
      <a class="brand" href="./"><span class="brand-name">Lede</span> <span class="brand-tag">demo</span></a>
      <button type="button" class="menu-button" popovertarget="site-nav">Pages</button>
      <nav class="site-nav" id="site-nav" aria-label="Demo pages" popover>
        <ul>
          ${links.join('\n          ')}
        </ul>
      </nav>
    </header>`;
}

/** The event log panel that demo/event-log.ts fills, naming the events it shows. */
function eventLog(events: string[]): string {
  const names = events.map((name) => `<code>${name}</code>`);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `<aside class="panel log-panel" aria-labelledby="log-title">
        <h2 id="log-title" tabindex="-1">Event log</h2>
        <p class="hint">${listed} from the examples, oldest first.</p>
        <div class="log-box" id="log-box" role="log" tabindex="0" aria-labelledby="log-title">
          <ol class="log" id="log"></ol>
        </div>
        <div class="actions">
          <button type="button" id="clear-log">Clear</button>
        </div>
      </aside>`;
}

/** A demo page's HTML with the shared parts in place; `path` is the page's URL path. */
export function withSiteChrome(html: string, path: string): string {
  const file = path.replace(/^.*\//, '') || 'index.html';
  return html
    .replace('<!-- demo:head -->', head)
    .replace('<!-- demo:header -->', siteHeader(file))
    .replace(/<!-- demo:event-log ([^>]*?) -->/, (_comment, events: string) => eventLog(events.split(' ')));
}
