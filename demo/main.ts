/**
 * The playground: the seed article through `parseArticleText`, in a wrapper whose language,
 * direction, theme and `--lede-*` tokens the control panel edits live.
 */
import { LedeArticle, LedeByline, LedeComments, LedeRelated, parseArticleText, type Article } from '../src/index.js';
import { arabicArticle } from './content/arabic-article.js';
import { byId } from './dom.js';
import { changedValues, restoreValues, valueOf } from './form-state.js';
import { applyDeclarations, declarationsFrom, toCss, type Declarations } from './tokens.js';

const form = byId('controls', HTMLFormElement);
const preview = byId('preview', HTMLElement);
const articleElement = byId('article', LedeArticle);
const bylineElement = byId('byline', LedeByline);
const relatedElement = byId('related', LedeRelated);
const commentsElement = byId('comments', LedeComments);
const stageStatus = byId('stage-status', HTMLElement);
const cssOutput = byId('css-output', HTMLElement);
const copyStatus = byId('copy-status', HTMLElement);
const controlsPanel = byId('controls-panel', HTMLElement);

const rtlLanguages = new Set(['ar']);
let seedArticle: Article | undefined;
/** The person the comments are signed in as ('' for anonymous). */
let signedInAs: string | undefined;

/** Fetches the seed text and parses it; the seed is English, which the parser cannot know. */
async function loadSeed(): Promise<Article> {
  const response = await fetch('./content/seed-article.txt');
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const article = parseArticleText(await response.text());
  return { ...article, language: article.language ?? 'en' };
}

/** Language, direction and theme: on the wrapper, the page and the elements. */
function applyDisplay(): void {
  const lang = valueOf(form, 'lang');
  const dir = valueOf(form, 'dir');
  const theme = valueOf(form, 'theme');
  preview.lang = lang;
  preview.dir = dir === 'auto' ? (rtlLanguages.has(lang) ? 'rtl' : 'ltr') : dir;
  document.documentElement.dataset.theme = theme;
  // Every element, the byline in the article too: each one follows the reader's scheme unless told.
  const forced = theme === 'light' || theme === 'dark' ? theme : undefined;
  for (const element of [articleElement, bylineElement, relatedElement, commentsElement]) element.theme = forced;
  articleElement.article = lang === 'ar' ? arabicArticle : seedArticle;
  relatedElement.layout = valueOf(form, 'related-layout') as LedeRelated['layout'];
  relatedElement.src = valueOf(form, 'related-feed');
}

/** Shows each range's value beside it and gives it to assistive technology with its unit. */
function showRangeValues(): void {
  for (const range of form.querySelectorAll<HTMLInputElement>('input[type="range"]')) {
    const text = `${range.value}${range.dataset.unit ?? ''}`;
    range.setAttribute('aria-valuetext', text);
    const label = form.querySelector(`[data-value-for="${range.id}"]`);
    if (label) label.textContent = text;
  }
}

/** Every Lede element in the preview, by tag name: the copied CSS must style each of them. */
function previewTags(): string[] {
  const tags = [...preview.querySelectorAll('*')].map((element) => element.localName).filter((name) => name.startsWith('lede-'));
  return [...new Set(tags)];
}

/** The tokens, plus the theme when it is forced: `color-scheme` does what the `theme` attribute does. */
function exportedCss(declarations: Declarations): string {
  const theme = valueOf(form, 'theme');
  const exported = new Map(declarations);
  if (theme === 'light' || theme === 'dark') exported.set('color-scheme', theme);
  return toCss(previewTags(), exported);
}

/** Who the comments see: the switcher's choice, signed by the demo signer (demo/sso-signer.ts) each time the element asks. */
function applySignIn(): void {
  const who = valueOf(form, 'sign-in-as');
  if (who === signedInAs) return;
  signedInAs = who;
  commentsElement.tokenProvider = who
    ? async () => {
        const response = await fetch(`/demo-sso/token?as=${encodeURIComponent(who)}`);
        return response.ok ? ((await response.json()) as { token: string }).token : null;
      }
    : undefined;
}

function update(): void {
  applyDisplay();
  applySignIn();
  const declarations = declarationsFrom(form);
  applyDeclarations(preview, declarations);
  cssOutput.textContent = exportedCss(declarations);
  showRangeValues();
  const query = changedValues(form).toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

async function copyCss(): Promise<void> {
  try {
    await navigator.clipboard.writeText(cssOutput.textContent ?? '');
    copyStatus.textContent = 'Copied.';
  } catch {
    copyStatus.textContent = 'Could not copy: select the CSS and copy it by hand.';
  }
  setTimeout(() => (copyStatus.textContent = ''), 4000);
}

/**
 * On narrow screens the controls are a closed popover (a drawer): the skip link opens it before
 * jumping to it, and it closes when the screen widens and the panel goes back beside the preview.
 */
function connectDrawer(): void {
  const narrow = matchMedia('(width < 66rem)'); // demo.css's breakpoint
  document.querySelector('.skip-link')?.addEventListener('click', () => {
    if (narrow.matches && !controlsPanel.matches(':popover-open')) controlsPanel.showPopover();
  });
  narrow.addEventListener('change', () => {
    if (!narrow.matches && controlsPanel.matches(':popover-open')) controlsPanel.hidePopover();
  });
}

async function start(): Promise<void> {
  connectDrawer();
  restoreValues(form, new URLSearchParams(location.search));
  form.addEventListener('input', update);
  // `reset` fires before the controls are reset.
  form.addEventListener('reset', () => setTimeout(update));
  byId('copy-css', HTMLButtonElement).addEventListener('click', copyCss);
  // The feed's links lead to a site that does not exist: show what analytics would receive instead.
  relatedElement.addEventListener('lede-story-click', (event) => {
    event.preventDefault();
    stageStatus.textContent = `lede-story-click: “${event.story.title}”, position ${event.position}`;
  });
  // The element asks to sign in (a thread for signed-in readers, a refused token): sign in as the reader.
  commentsElement.addEventListener('lede-sign-in-requested', () => {
    const select = byId('sign-in-as', HTMLSelectElement);
    if (!select.value) select.value = 'reader';
    // Signed in already (a refused token): a new callback makes the element ask who the reader is again.
    signedInAs = undefined;
    update();
  });
  update();

  stageStatus.textContent = 'Loading the seed article…';
  try {
    seedArticle = await loadSeed();
    byId('article-data', HTMLElement).textContent = JSON.stringify(seedArticle, null, 2);
    stageStatus.textContent = '';
    update();
  } catch (error) {
    stageStatus.textContent = `Could not load content/seed-article.txt: ${error instanceof Error ? error.message : String(error)}`;
  }
}

void start();
