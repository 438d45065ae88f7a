/**
 * The `<lede-related>` states page. As on the article page, the fetch delay and the event log go
 * first: registering the elements starts their requests.
 */
import './demo-delay.js';
import { addEntry } from './event-log.js';
import { LedeRelated } from '../src/index.js';
import { byId } from './dom.js';

const kickers = ['Gaza', 'Diplomacy', 'Analysis', 'United Nations', 'Gulf'];

/** Stories with long titles and excerpts in several scripts, to show clamping and wrapping. */
const longStories = Array.from({ length: 12 }, (_, index) => ({
  url: `https://news.example/world/long-${index + 1}`,
  title:
    index % 3 === 2
      ? 'تواصل الجهود الدبلوماسية للتوصل إلى هدنة إنسانية في غزة وسط تصاعد أعداد الضحايا المدنيين ونقص حاد في الغذاء والوقود والمياه والدواء'
      : `Story ${index + 1}: a headline long enough to need clamping, because newsrooms write them that way when a story has many moving parts and an editor is not looking`,
  kicker: kickers[index % kickers.length],
  datePublished: new Date(Date.now() - (index + 1) * 5.5 * 3600_000).toISOString(),
  excerpt: 'A standfirst that runs on and on, well past the two lines the card keeps for it, so that the clamp and its ellipsis show.',
  author: 'Desk writer',
  image: index % 2 ? { url: './content/illustration.svg', alt: '' } : undefined,
}));

byId('long-example', LedeRelated).stories = longStories;
byId('hostile-example', LedeRelated).stories = [
  { url: 'javascript:alert(document.cookie)', title: 'A script link: dropped' },
  { url: 'data:text/html,<script>alert(1)</script>', title: 'A data: link: dropped' },
  {
    url: 'https://news.example/world/ok',
    title: '<img src=x onerror=alert(1)> Markup in data is shown as text',
    image: { url: 'javascript:alert(1)', alt: 'dropped' },
  },
  { url: 'https://news.example/world/text', title: '<script>alert(1)</script> shown, never run' },
  { title: 'No URL: skipped with a console warning' },
];

// Activating a story is logged, not followed: the feed's links lead to a site that does not exist.
document.addEventListener('lede-story-click', (event) => {
  event.preventDefault();
  const title = Object.assign(document.createElement('bdi'), { textContent: event.story.title });
  const detail = document.createDocumentFragment();
  detail.append(`position ${event.position}: “`, title, '”');
  addEntry(event, detail, 'load');
});

const loadExample = byId('load-example', LedeRelated);
const loadButton = byId('load-button', HTMLButtonElement);

/** Sets `src` afresh, so every press shows the skeletons and then the stories again. */
async function loadFromSrc(): Promise<void> {
  sessionStorage.clear();
  loadExample.src = undefined;
  await loadExample.updateComplete;
  loadExample.src = `./feeds/related.json?demo-delay=2000&n=${Date.now()}`;
  loadButton.textContent = 'Load again';
}

loadButton.addEventListener('click', loadFromSrc);
