// The elements together on one page: what one sets reaches the others inside it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { LedeArticle, LedeByline, LedeComments, LedeRelated } from '../src/index.js';
import type { Article, Story } from '../src/model.js';

const shadow = (element: Element) => element.shadowRoot!;

const article: Article = {
  headline: 'Blinken seeks pauses',
  byline: 'time news',
  dateline: 'TEL AVIV',
  creditsText: '(Writing by Michael Perry; Editing by Miral Fahmy)',
  body: [{ type: 'paragraph', text: 'U.S. Secretary of State Antony Blinken has arrived in Tel Aviv.' }],
};

const stories: Story[] = [
  { url: 'https://news.example/world/rafah-crossing', title: 'Rafah crossing opens', kicker: 'Gaza', datePublished: '2023-11-02' },
  { url: 'https://news.example/world/amman-talks', title: 'Talks in Amman' },
];

/** Relative luminance of a computed `rgb()` colour. */
function luminance(color: string): number {
  const [r, g, b] = color
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Whether a colour reads as the dark palette's text (light on dark) rather than the light one's. */
const isDarkPaletteText = (color: string) => luminance(color) > 0.3;

describe('a theme set on an element', () => {
  // The side the reader's system does not pick, so forcing it shows.
  const forced = matchMedia('(prefers-color-scheme: dark)').matches ? 'light' : 'dark';
  const other = forced === 'dark' ? 'light' : 'dark';

  it(`reaches every Lede element inside it (${forced} on the article, ${other} on the system)`, async () => {
    const element = await fixture<LedeArticle>(html`
      <lede-article theme=${forced} .article=${article}>
        <lede-byline slot="byline"></lede-byline>
        <lede-related .stories=${stories}></lede-related>
        <lede-comments backend="local" thread="theme-test" loading="eager"></lede-comments>
      </lede-article>
    `);
    const byline = element.querySelector<LedeByline>('lede-byline')!;
    const related = element.querySelector<LedeRelated>('lede-related')!;
    const comments = element.querySelector<LedeComments>('lede-comments')!;
    await waitUntil(
      () => shadow(byline).querySelector('.names') && shadow(related).querySelector('.story:not(.skeleton)') && shadow(comments).querySelector('form'),
      'the elements did not render',
      { timeout: 5000 },
    );

    for (const inner of [byline, related, comments]) expect(getComputedStyle(inner).colorScheme, inner.localName).to.equal(forced);
    // The credits are in the forced palette: light text on the dark surface, or the reverse.
    const colors = [shadow(byline).querySelector('.line')!, shadow(related).querySelector('.title')!, shadow(comments).querySelector('label')!].map(
      (part) => getComputedStyle(part).color,
    );
    expect(colors.map(isDarkPaletteText)).to.deep.equal([forced === 'dark', forced === 'dark', forced === 'dark']);
    expect(isDarkPaletteText(getComputedStyle(element).color)).to.equal(forced === 'dark');
    await expect(element).to.be.accessible();
  });

  it('gives way to a theme set on an element inside it', async () => {
    const element = await fixture<LedeArticle>(html`
      <lede-article theme=${forced} .article=${article}><lede-byline slot="byline" theme=${other}></lede-byline></lede-article>
    `);
    const byline = element.querySelector<LedeByline>('lede-byline')!;
    await waitUntil(() => shadow(byline).querySelector('.names'), 'the byline did not render');
    expect(getComputedStyle(byline).colorScheme).to.equal(other);
    expect(isDarkPaletteText(getComputedStyle(shadow(byline).querySelector('.line')!).color)).to.equal(other === 'dark');
  });

  it('reaches Lede elements anywhere below it, and stops being forced when removed', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <lede-related theme=${forced} .stories=${stories}><div slot="heading"><lede-byline source="time news"></lede-byline></div></lede-related>
    `);
    const byline = wrapper.querySelector<LedeByline>('lede-byline')!;
    expect(getComputedStyle(byline).colorScheme).to.equal(forced);
    wrapper.removeAttribute('theme');
    await (wrapper as LedeRelated).updateComplete;
    expect(getComputedStyle(byline).colorScheme).to.equal('light dark');
  });
});

describe('related stories and comments with the article', () => {
  /** Where a box's text column runs: its left edge and width, to a tenth of a pixel. */
  const column = (box: Element) => {
    const { left, width } = box.getBoundingClientRect();
    return [Math.round(left * 10) / 10, Math.round(width * 10) / 10];
  };

  async function page(markup: ReturnType<typeof html>) {
    const container = await fixture<HTMLElement>(markup);
    const [articleElement, related, comments] = ['lede-article', 'lede-related', 'lede-comments'].map((tag) => container.querySelector(tag)!);
    await waitUntil(() => shadow(related!).querySelector('.story:not(.skeleton)'), 'the stories did not render');
    await (articleElement as LedeArticle).updateComplete;
    // The article's text, the cards and the comments' heading.
    return {
      container,
      columns: () =>
        [shadow(articleElement!).querySelector('.body > p')!, shadow(related!).querySelector('.stories')!, comments!.querySelector('h2')!].map(column),
    };
  }

  it('share its text column beside it, and --lede-measure sets it for all three', async () => {
    const { container, columns } = await page(html`
      <div style="inline-size: 1200px">
        <lede-article .article=${article}></lede-article>
        <lede-related .stories=${stories}></lede-related>
        <lede-comments backend="local" thread="measure-test"><h2 slot="heading">Comments</h2></lede-comments>
      </div>
    `);
    const [text, cards, comments] = columns();
    expect(text![1]).to.be.lessThan(900);
    expect([cards, comments]).to.deep.equal([text, text]);

    container.style.setProperty('--lede-measure', '30rem');
    const [narrower, ...others] = columns();
    expect(narrower![1]).to.equal(30 * Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(others).to.deep.equal([narrower, narrower]);
  });

  it('share it on a narrow screen with the gutter docs/theming.md gives them', async () => {
    const { columns } = await page(html`
      <div class="narrow" style="inline-size: 360px">
        <style>
          .narrow > :is(lede-related, lede-comments) { padding-inline: var(--lede-space-m, 1rem); }
        </style>
        <lede-article .article=${article}></lede-article>
        <lede-related .stories=${stories}></lede-related>
        <lede-comments backend="local" thread="measure-test"><h2 slot="heading">Comments</h2></lede-comments>
      </div>
    `);
    const [text, cards, comments] = columns();
    expect([cards, comments]).to.deep.equal([text, text]);
  });

  it('fill its text column inside it', async () => {
    const { columns } = await page(html`
      <div style="inline-size: 1200px">
        <lede-article .article=${article}>
          <lede-related .stories=${stories}></lede-related>
          <lede-comments backend="local" thread="measure-test"><h2 slot="heading">Comments</h2></lede-comments>
        </lede-article>
      </div>
    `);
    const [text, cards, comments] = columns();
    expect([cards, comments]).to.deep.equal([text, text]);
  });
});
