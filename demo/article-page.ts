/**
 * The `<lede-article>` states page. Import order matters: the fetch delay and the event log must
 * be in place before the library registers the elements, because registering upgrades them and
 * they start loading and reporting at once.
 */
import './demo-delay.js';
import './event-log.js';
import { LedeArticle } from '../src/index.js';
import { arabicArticle } from './content/arabic-article.js';
import richArticle from './content/article.json';
import { longArticle } from './content/long-article.js';
import { byId } from './dom.js';

byId('property-example', LedeArticle).article = richArticle;
byId('dark-example', LedeArticle).article = richArticle;
byId('rtl-example', LedeArticle).article = arabicArticle;
byId('long-example', LedeArticle).article = longArticle(1000);

const loadExample = byId('load-example', LedeArticle);
const loadButton = byId('load-button', HTMLButtonElement);

/** Sets `src` afresh, so every press shows the skeleton and then the article again. */
async function loadFromSrc(): Promise<void> {
  loadExample.src = undefined;
  await loadExample.updateComplete;
  loadExample.src = './content/article.json?demo-delay=1500';
  loadButton.textContent = 'Load again';
}

loadButton.addEventListener('click', loadFromSrc);
