/**
 * What every demo page shares: the head's metadata and stylesheets, and the site header with
 * its navigation. `vite.config.ts` puts them in place of `<!-- demo:head -->` and
 * `<!-- demo:header -->` as each page is served, so they are in the HTML before any script runs.
 * Plain strings, no Lit: the Vite config imports this file.
 */

/** The demo's pages, in navigation order. */
const pages: { file: string; label: string }[] = [
  { file: 'index.html', label: 'Playground' },
  { file: 'article.html', label: '<code>&lt;lede-article&gt;</code> states' },
  { file: 'byline.html', label: '<code>&lt;lede-byline&gt;</code> states' },
  { file: 'credits.html', label: 'Credit-line parser' },
  { file: 'related.html', label: '<code>&lt;lede-related&gt;</code> states' },
  { file: 'comments.html', label: '<code>&lt;lede-comments&gt;</code> states' },
];

const head = `<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/lede.css" />
    <link rel="stylesheet" href="./demo.css" />`;

/** The site header, with the page `file` (e.g. `byline.html`) marked as the current one. */
function siteHeader(file: string): string {
  const links = pages.map(({ file: target, label }) => {
    const href = target === 'index.html' ? './' : `./${target}`;
    return `<li><a href="${href}"${target === file ? ' aria-current="page"' : ''}>${label}</a></li>`;
  });
  return `<header class="site-header">
      <a class="brand" href="./"><span class="brand-name">Lede</span> <span class="brand-tag">demo</span></a>
      <nav aria-label="Demo pages">
        <ul>
          ${links.join('\n          ')}
        </ul>
      </nav>
    </header>`;
}

/** A demo page's HTML with the shared parts in place; `path` is the page's URL path. */
export function withSiteChrome(html: string, path: string): string {
  const file = path.replace(/^.*\//, '') || 'index.html';
  return html.replace('<!-- demo:head -->', head).replace('<!-- demo:header -->', siteHeader(file));
}
