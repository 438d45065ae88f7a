import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/article.js';
import type { LedeArticle } from '../src/article.js';
import { readNitf } from '../src/formats/ninjs/nitf.js';
import { realNinjs } from './support/real-ninjs.js';

/** The text a reader sees in a part of the article, white space folded. */
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<lede-article> with real ninjs items', () => {
  for (const expected of realNinjs) {
    it(`shows ${expected.file}`, async () => {
      const element = document.createElement('lede-article') as LedeArticle;
      const loaded = oneEvent(element, 'lede-article-load');
      element.src = `/test/fixtures/real/ninjs/${expected.file}`;
      document.body.append(element);
      try {
        await loaded;
        const root = element.shadowRoot!;
        const body = () => root.querySelector('.body');
        // The article's own parts, not a body's markup with the same class (TT's figures have a `.byline`).
        const part = (name: string) => [...root.querySelectorAll(`.${name}`)].find((node) => !node.closest('.body'));
        // HTML bodies are sanitized after the load event: wait for the words.
        await waitUntil(() => expected.words.every((words) => textOf(body()).includes(words)), `words of ${expected.file}`, { timeout: 5000 });
        await element.updateComplete;
        expect(textOf(part('headline'))).to.equal(expected.headline);
        if (expected.byline) expect(textOf(part('byline'))).to.equal(`By ${expected.byline}`);
        else expect(part('byline') === undefined).to.equal(true);
        expect(root.querySelector('.date time')?.getAttribute('datetime') ?? undefined).to.equal(expected.date);
        if (expected.dek) expect(textOf(part('dek')).startsWith(expected.dek)).to.equal(true);
        if (expected.dateline) expect(textOf(part('dateline'))).to.equal(expected.dateline);
        if (expected.media) {
          const { kind, url, poster } = expected.media;
          const shown = [...root.querySelectorAll<HTMLImageElement | HTMLMediaElement>(`${kind}[src]`)];
          const match = shown.find((media) => media.src.includes(url));
          expect(match ? 'shown' : shown.map((media) => media.src).join(' | ')).to.equal('shown');
          if (kind !== 'img') expect((match as HTMLMediaElement).controls).to.equal(true);
          if (poster) expect((match as HTMLVideoElement).poster).to.contain(poster);
        }
      } finally {
        element.remove();
      }
    });
  }

  it('reads NITF with the browser’s own DOMParser: subheadings, lists, and markup in the text kept as text', async () => {
    const source = await (await fetch('/test/fixtures/real/nitf/ntb-faktisk.xml')).text();
    const nitf = readNitf(source)!;
    expect(nitf.headline).to.equal('Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030');
    expect(nitf.blocks.filter((block) => block.type === 'heading').length).to.equal(11);
    expect(nitf.blocks.some((block) => block.type === 'list' && block.items.includes('Flere obligatoriske vaksiner'))).to.equal(true);
    const element = document.createElement('lede-article') as LedeArticle;
    element.article = { uri: 'urn:ntb:faktisk', headlines: [{ value: nitf.headline }], bodies: [{ contentType: 'text/vnd.IPTC.NITF', value: source }] };
    document.body.append(element);
    try {
      await waitUntil(() => element.shadowRoot!.querySelector('.body ul'), 'the NITF list', { timeout: 5000 });
      const root = element.shadowRoot!;
      expect(root.querySelectorAll('.body h2').length).to.equal(11);
      expect(root.querySelectorAll('.body script').length).to.equal(0);
      expect(textOf(root.querySelector('.body')).includes('<script async defer src="https://www.faktisk.no/js/embed.js"></script>')).to.equal(true);
    } finally {
      element.remove();
    }
  });
});
