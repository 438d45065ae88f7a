import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { arabicArticle } from '../demo/content/arabic-article.js';
import '../src/article.js';
import '../src/byline.js';
import type { LedeArticle } from '../src/article.js';
import type { LedeByline } from '../src/byline.js';
import type { Article, Credit } from '../src/model.js';
import type { LedeErrorEvent } from '../src/shared/events.js';
import { keepsLtrOrder } from './support/bidi.js';

const shadow = (element: Element) => element.shadowRoot!;
const query = <T extends Element = HTMLElement>(element: Element, selector: string) => shadow(element).querySelector<T>(selector);
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The full-credits panel as "Label: names" lines. */
const panelLines = (element: Element) => [...shadow(element).querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`);

const seedCredits =
  'This article includes reporting from Nidal al-Mughrabi in Gaza, Ali Sawafta in Ramallah, Dan Williams, Emily Rose, Maytaal Angel in Jerusalem, Clauda Tanios in Dubai, and Patricia Zengerle, Phil Stewart, and Idrees Ali in Washington. The article was written by Michael Perry and Angus MacSwan, with editing by Miral Fahmy and Andrew Cawthorne.';

async function jsonLdOf(element: Element) {
  await waitUntil(() => element.querySelector('script[data-lede-generated]'), 'no JSON-LD was written', { timeout: 5000 });
  return JSON.parse(element.querySelector('script[data-lede-generated]')!.textContent!);
}

describe('<lede-byline>', () => {
  describe('rendering', () => {
    it('names the writers of a credit line and lists everyone by role behind a disclosure', async () => {
      const element = await fixture<LedeByline>(html`<lede-byline lang="en" credits-text=${seedCredits} source="time news" dateline="GAZA"></lede-byline>`);
      expect(text(query(element, '.names'))).to.equal('By Michael Perry and Angus MacSwan');
      expect(text(query(element, '.source'))).to.equal('time news');
      expect(text(query(element, '.dateline'))).to.equal('GAZA');
      const toggle = query<HTMLButtonElement>(element, 'button[part="toggle"]')!;
      const panel = query(element, '#panel')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal('panel');
      expect(panel.hidden).to.equal(true);
      await expect(element).to.be.accessible();

      toggle.click();
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hidden).to.equal(false);
      expect(element.open).to.equal(true);
      expect(panelLines(element)).to.deep.equal([
        'Reporting: Nidal al-Mughrabi (Gaza), Ali Sawafta (Ramallah), Dan Williams (Jerusalem), Emily Rose (Jerusalem), Maytaal Angel (Jerusalem), Clauda Tanios (Dubai), Patricia Zengerle (Washington), Phil Stewart (Washington), and Idrees Ali (Washington)',
        'Writing: Michael Perry and Angus MacSwan',
        'Editing: Miral Fahmy and Andrew Cawthorne',
      ]);
      await expect(element).to.be.accessible();
    });

    it('opens and closes from the keyboard', async () => {
      const element = await fixture<LedeByline>(html`<lede-byline credits-text="(Reporting by Ann Wu; Editing by Bo Li)"></lede-byline>`);
      const toggle = query<HTMLButtonElement>(element, '.toggle')!;
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(query(element, '#panel')!.hidden).to.equal(true);
      expect(shadow(element).querySelector('dl')).to.be.null;
    });

    it('renders authors with links and portraits, dropping unsafe URLs', async () => {
      const element = await fixture<LedeByline>(html`<lede-byline
        .authors=${[
          { name: 'Michael Perry', url: 'https://news.example/people/perry', image: { url: 'https://news.example/perry.jpg' } },
          { name: 'Angus MacSwan', url: 'javascript:alert(1)', image: { url: 'data:image/svg+xml,<svg/>' } },
        ]}
      ></lede-byline>`);
      const names = query(element, '.names')!;
      expect(text(names)).to.equal('By Michael Perry and Angus MacSwan');
      const links = names.querySelectorAll('a');
      expect(links).to.have.length(1);
      expect(links[0]!.getAttribute('href')).to.equal('https://news.example/people/perry');
      expect(links[0]!.rel).to.equal('author');
      const avatars = names.querySelectorAll('img');
      expect(avatars).to.have.length(1);
      expect(avatars[0]!.alt).to.equal('');
      // No credits, no disclosure.
      expect(query(element, '.toggle')).to.be.null;
      await expect(element).to.be.accessible();
    });

    it('prefers the credits property and renders organisations and places', async () => {
      const credits: Credit[] = [
        { name: 'Reuters', roles: ['reporting'], kind: 'organization' },
        { name: 'Tom Lee', roles: ['reporting', 'photography'], location: 'Kyiv' },
      ];
      const element = await fixture<LedeByline>(html`<lede-byline open credits-text="Editing by Nobody Else" .credits=${credits}></lede-byline>`);
      expect(panelLines(element)).to.deep.equal(['Reporting: Reuters and Tom Lee (Kyiv)', 'Photography: Tom Lee (Kyiv)']);
      // No author or writer credited: the line says nothing rather than guess.
      expect(query(element, '.names')).to.be.null;
    });
  });

  describe('server-rendered light DOM', () => {
    it('keeps the printed byline and credits paragraph, and swaps the paragraph for the panel when opened', async () => {
      const element = await fixture<LedeByline>(html`<lede-byline>
        <p>By time news</p>
        <p slot="credits">${seedCredits}</p>
      </lede-byline>`);
      const defaultSlot = query<HTMLSlotElement>(element, '.line slot:not([name])')!;
      expect(text(defaultSlot.assignedElements()[0])).to.equal('By time news');
      expect(query(element, '.names')).to.be.null;
      const creditsSlot = query<HTMLSlotElement>(element, 'slot[name="credits"]')!;
      expect(creditsSlot.assignedElements()).to.have.length(1);
      const paragraph = element.querySelector('[slot="credits"]')!;
      expect(paragraph.getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(element).to.be.accessible();

      query<HTMLButtonElement>(element, '.toggle')!.click();
      await element.updateComplete;
      expect(paragraph.getBoundingClientRect().height).to.equal(0);
      expect(panelLines(element)).to.have.length(3);
      // Changing the printed paragraph is noticed.
      paragraph.textContent = '(Reporting by Ann Wu)';
      element.readLightContent();
      await element.updateComplete;
      expect(panelLines(element)).to.deep.equal(['Reporting: Ann Wu']);
    });

    it('lays out the printed byline the same before and after the upgrade', async () => {
      // lede.css's byline rules, as the build writes them, applied to a stand-in tag that is never defined.
      const { bylinePageCss } = await import('../src/byline/byline.layout.js');
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const style = document.createElement('style');
      style.textContent = bylinePageCss().replaceAll('lede-byline:not(:defined)', 'lede-byline-pending');
      wrapper.append(style);
      const markup = `<p>By time news</p><p slot="credits">${seedCredits}</p>`;
      const before = document.createElement('lede-byline-pending');
      const after = document.createElement('lede-byline');
      before.innerHTML = markup;
      after.innerHTML = markup;
      wrapper.append(before, after);
      await (after as LedeByline).updateComplete;
      const boxes = (host: Element) => [...host.children].map((child) => child.getBoundingClientRect().height);
      expect(boxes(after)).to.deep.equal(boxes(before));
      expect(after.getBoundingClientRect().height).to.equal(before.getBoundingClientRect().height);
    });
  });

  describe('inside <lede-article>', () => {
    const article: Article = {
      headline: 'Blinken seeks pauses',
      byline: 'time news',
      dateline: 'TEL AVIV',
      creditsText: seedCredits,
      body: [{ type: 'paragraph', text: 'Text.' }],
    };

    it('reads the article through context, with no wiring, in the byline slot', async () => {
      const element = await fixture<LedeArticle>(html`<lede-article .article=${article}><lede-byline slot="byline"></lede-byline></lede-article>`);
      const byline = element.querySelector('lede-byline')!;
      await waitUntil(() => query(byline, '.names'), 'the byline did not receive the article');
      expect(text(query(byline, '.names'))).to.equal('By Michael Perry and Angus MacSwan');
      expect(text(query(byline, '.source'))).to.equal('time news');
      expect(text(query(byline, '.dateline'))).to.equal('TEL AVIV');
      expect(query<HTMLSlotElement>(element, 'slot[name="byline"]')!.assignedElements()[0]).to.equal(byline);
      // The article's own generated byline is replaced by the slotted one.
      expect(query(element, '.byline')?.checkVisibility?.() ?? false).to.equal(false);
      byline.open = true;
      await byline.updateComplete;
      expect(panelLines(byline)).to.have.length(3);
      await expect(element).to.be.accessible();

      // The byline follows the article when its data changes.
      element.article = { ...article, creditsText: '(Writing by Ann Wu)' };
      await waitUntil(() => text(query(byline, '.names')) === 'By Ann Wu', 'the byline did not follow the article');
    });

    it("shows the article's dateline once, on the byline's line (the Arabic demo)", async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="ar" dir="rtl"><lede-article .article=${arabicArticle}><lede-byline slot="byline" open></lede-byline></lede-article></div>`,
      );
      const element = wrapper.querySelector('lede-article')!;
      const byline = element.querySelector('lede-byline')!;
      await waitUntil(() => query(byline, '.names'), 'the byline did not receive the article');
      const shown = [element, byline]
        .flatMap((host) => [...shadow(host).querySelectorAll('.dateline')])
        .filter((node) => node.checkVisibility())
        .map(text);
      expect(shown).to.deep.equal(['القاهرة']);
      expect(text(query(byline, '.line'))).to.contain('القاهرة');
      await expect(element).to.be.accessible();
    });

    it("gives the article's JSON-LD one Person per credited person, from its credits paragraph", async () => {
      const element = await fixture<LedeArticle>(html`<lede-article .article=${article}></lede-article>`);
      const jsonLd = await jsonLdOf(element);
      const names = (nodes: { name: string; '@type': string }[]) => nodes.map((node) => `${node['@type']}:${node.name}`);
      expect(names(jsonLd.author)).to.deep.equal(['Person:Michael Perry', 'Person:Angus MacSwan']);
      expect(names(jsonLd.editor)).to.deep.equal(['Person:Miral Fahmy', 'Person:Andrew Cawthorne']);
      expect(jsonLd.contributor).to.have.length(9);
      expect(jsonLd.contributor[0]).to.deep.equal({ '@type': 'Person', name: 'Nidal al-Mughrabi' });
      for (const node of [...jsonLd.author, ...jsonLd.editor, ...jsonLd.contributor]) expect(node.name).not.to.match(/ and |,/);
    });

    it("adds a byline's own credits and authors to the article's JSON-LD", async () => {
      const element = await fixture<LedeArticle>(html`<lede-article .article=${{ headline: 'Plain', body: [{ type: 'paragraph', text: 'Text.' }] }}>
        <lede-byline slot="byline" .authors=${[{ name: 'Jane Doe', url: 'https://news.example/jane' }]} credits-text="(Reporting by Reuters bureaus; Editing by Bo Li)"></lede-byline>
      </lede-article>`);
      await waitUntil(() => element.querySelector('script[data-lede-generated]')?.textContent?.includes('Bo Li'), "the byline's people were not added", {
        timeout: 5000,
      });
      const jsonLd = await jsonLdOf(element);
      expect(jsonLd.author).to.deep.equal([{ '@type': 'Person', name: 'Jane Doe', url: 'https://news.example/jane' }]);
      expect(jsonLd.editor).to.deep.equal([{ '@type': 'Person', name: 'Bo Li' }]);
      expect(jsonLd.contributor).to.deep.equal([{ '@type': 'Organization', name: 'Reuters bureaus' }]);
    });

    it('tells its article when its people change later, and the article writes them into its JSON-LD', async () => {
      const element = await fixture<LedeArticle>(html`<lede-article .article=${{ headline: 'Plain', body: [{ type: 'paragraph', text: 'Text.' }] }}>
        <lede-byline slot="byline" .authors=${[{ name: 'Jane Doe' }]}></lede-byline>
      </lede-article>`);
      await waitUntil(() => element.querySelector('script[data-lede-generated]')?.textContent?.includes('Jane Doe'), "the byline's author was not added", {
        timeout: 5000,
      });
      element.querySelector<LedeByline>('lede-byline')!.authors = [{ name: 'Omar Haddad' }];
      await waitUntil(() => element.querySelector('script[data-lede-generated]')?.textContent?.includes('Omar Haddad'), 'the new author was not added', {
        timeout: 5000,
      });
      expect((await jsonLdOf(element)).author).to.deep.equal([{ '@type': 'Person', name: 'Omar Haddad' }]);
    });

    it('in a server-rendered article, lists the people of its credits paragraph and keeps that paragraph out of the byline text', async () => {
      const element = await fixture<LedeArticle>(html`<lede-article>
        <h1 slot="headline">Light headline</h1>
        <lede-byline slot="byline"><p>By time news</p><p slot="credits">${seedCredits}</p></lede-byline>
        <p>Body text.</p>
      </lede-article>`);
      await waitUntil(() => element.querySelector('script[data-lede-generated]')?.textContent?.includes('Cawthorne'), "the byline's people were not added", {
        timeout: 5000,
      });
      const jsonLd = await jsonLdOf(element);
      expect(jsonLd.author.map((node: { name: string }) => node.name)).to.deep.equal(['Michael Perry', 'Angus MacSwan']);
      expect(jsonLd.contributor).to.have.length(9);
      expect(jsonLd.creditText).to.equal(undefined);
      // The byline shows the printed line, and the article's context carries it without the credits paragraph.
      const byline = element.querySelector('lede-byline')!;
      expect(text(query<HTMLSlotElement>(byline, '.line slot')!.assignedElements()[0])).to.equal('By time news');
      expect(JSON.stringify(jsonLd)).not.to.contain('time news This article');
    });

    it('writes no JSON-LD of its own outside an article', async () => {
      const element = await fixture<LedeByline>(html`<lede-byline credits-text="(Writing by Ann Wu)"></lede-byline>`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(element.querySelector('script')).to.be.null;
      expect(document.querySelectorAll('script[data-lede-generated]')).to.have.length(0);
    });
  });

  describe('locale and direction', () => {
    it('labels roles and joins names in French', async () => {
      const element = await fixture<LedeByline>(html`<lede-byline lang="fr" open credits-text=${seedCredits}></lede-byline>`);
      expect(text(query(element, '.names'))).to.equal('Par Michael Perry et Angus MacSwan');
      expect(text(query(element, '.toggle'))).to.equal('Tous les crédits');
      expect(panelLines(element)[1]).to.equal('Rédaction: Michael Perry et Angus MacSwan');
      expect(panelLines(element)[2]).to.equal('Édition: Miral Fahmy et Andrew Cawthorne');
    });

    for (const [lang, names, toggle, writing] of [
      ['de', 'Von Michael Perry und Angus MacSwan', 'Alle Mitwirkenden', 'Text: Michael Perry und Angus MacSwan'],
      ['es', 'Por Michael Perry y Angus MacSwan', 'Todos los créditos', 'Redacción: Michael Perry y Angus MacSwan'],
    ]) {
      it(`labels roles and joins names in ${lang}, its words loaded on demand`, async () => {
        const element = await fixture<LedeByline>(html`<lede-byline lang=${lang} open credits-text=${seedCredits}></lede-byline>`);
        expect([text(query(element, '.names')), text(query(element, '.toggle')), panelLines(element)[1]]).to.deep.equal([names, toggle, writing]);
        await expect(element).to.be.accessible();
      });
    }

    it('keeps English names, source and dateline in their own order on a right-to-left line', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl">
        <lede-byline source="time news." dateline="D.C." .authors=${[{ name: 'Sam Jones Jr.', url: 'https://news.example/sam' }, { name: 'Ann Wu (AP)' }]}></lede-byline>
      </div>`);
      const element = wrapper.querySelector('lede-byline')!;
      const line = query(element, '.line')!;
      expect(['Sam Jones Jr.', 'Ann Wu (AP)', 'time news.', 'D.C.'].map((value) => keepsLtrOrder(line, value))).to.deep.equal([true, true, true, true]);
    });

    it('reads right to left in Arabic and follows a change of language', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl">
        <lede-byline open .credits=${[
          { name: 'ليلى حسن', roles: ['writing'] },
          { name: 'كريم منصور', roles: ['writing', 'editing'], location: 'القاهرة' },
        ]}></lede-byline>
      </div>`);
      const element = wrapper.querySelector('lede-byline')!;
      expect(text(query(element, '.names'))).to.equal('بقلم ليلى حسن وكريم منصور');
      expect(panelLines(element)).to.deep.equal(['كتابة: ليلى حسن وكريم منصور (القاهرة)', 'تحرير: كريم منصور (القاهرة)']);
      expect(getComputedStyle(query(element, '.line')!).direction).to.equal('rtl');
      const line = query(element, '.line')!.getBoundingClientRect();
      const toggle = query(element, '.toggle')!.getBoundingClientRect();
      // In a right-to-left line the toggle comes after the names, to their left.
      expect(toggle.right).to.be.at.most(query(element, '.names')!.getBoundingClientRect().left + 1);
      expect(line.right - toggle.right).to.be.greaterThan(0);
      await expect(element).to.be.accessible();

      wrapper.lang = 'en';
      await waitUntil(() => text(query(element, '.toggle')) === 'Full credits', 'did not follow the language change');
      expect(panelLines(element)[0]).to.equal('Writing: ليلى حسن and كريم منصور (القاهرة)');
    });
  });

  describe('bad input', () => {
    it('reports credits that are not a list, and still shows what it can', async () => {
      const element = document.createElement('lede-byline');
      element.creditsText = '(Writing by Ann Wu)';
      element.credits = 'Reporting by Ann' as unknown as Credit[];
      const error = oneEvent(element, 'lede-error') as Promise<LedeErrorEvent>;
      document.body.append(element);
      try {
        const event = await error;
        expect(event.error.code).to.equal('invalid-data');
        expect(event.error.field).to.equal('credits');
        await element.updateComplete;
        expect(query(element, '[role="alert"]')).to.exist;
        // The credit line fills in for the unusable property.
        expect(text(query(element, '.names'))).to.equal('By Ann Wu');
        await expect(element).to.be.accessible();
      } finally {
        element.remove();
      }
    });

    it('leaves out malformed entries, keeps the rest, and can hide the note', async () => {
      const credits = [
        { name: 'Ann Wu', roles: ['writing'] },
        { name: '', roles: ['editing'] },
        { name: 'Bo Li', roles: ['juggling'] },
        null,
        7,
      ] as unknown as Credit[];
      const element = await fixture<LedeByline>(html`<lede-byline .onError=${'hide'} .credits=${credits}></lede-byline>`);
      expect(text(query(element, '.names'))).to.equal('By Ann Wu');
      expect(query(element, '[role="alert"]')).to.be.null;
      element.onError = 'show';
      await element.updateComplete;
      expect(text(query(element, '[role="alert"]'))).to.equal('Some credits could not be read.');
      element.credits = [{ name: 'Ann Wu', roles: ['writing'] }];
      await element.updateComplete;
      expect(query(element, '[role="alert"]')).to.be.null;
    });

    it('shows hostile strings as text and survives garbage and huge credit lines', async () => {
      const hostile = '<img src=x onerror="window.__ledeBylineXss = true">';
      const junk = Array.from({ length: 20000 }, (_, index) => ['in', ',', 'Reporting by', 'and', '(', 'D.C.', 'X'][index % 7]).join(' ');
      const element = await fixture<LedeByline>(html`<lede-byline open .credits=${[{ name: hostile, roles: ['writing'] }]} source=${hostile}></lede-byline>`);
      expect(text(query(element, '.names'))).to.equal(`By ${hostile}`);
      expect(shadow(element).querySelector('img')).to.be.null;
      expect((window as unknown as { __ledeBylineXss?: boolean }).__ledeBylineXss).to.equal(undefined);
      element.credits = undefined;
      element.creditsText = junk;
      await element.updateComplete;
      expect(query(element, '.line')).to.exist;
      element.creditsText = '()';
      await element.updateComplete;
      expect(query(element, '.toggle')).to.be.null;
    });
  });

  it('follows the theme attribute', async () => {
    const element = await fixture<LedeByline>(html`<lede-byline theme="dark" credits-text="(Writing by Ann Wu)"></lede-byline>`);
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
  });
});
