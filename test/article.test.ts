import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/article.js';
import type { LedeArticle } from '../src/article.js';
import type { Article, ArticleBlock } from '../src/model.js';
import type { LedeArticleLoadEvent, LedeDroppedEvent, LedeErrorEvent } from '../src/shared/events.js';

const shadow = (element: Element) => element.shadowRoot!;
const query = <T extends Element = HTMLElement>(element: Element, selector: string) => shadow(element).querySelector<T>(selector);
/** The JSON-LD the element writes when the browser is idle after rendering. */
async function jsonLdOf(element: Element) {
  await waitUntil(() => element.querySelector('script[data-lede-generated]'), 'no JSON-LD was written', { timeout: 5000 });
  return JSON.parse(element.querySelector('script[data-lede-generated]')!.textContent!);
}

/**
 * Resolves after the browser's next idle period, when deferred JSON-LD work has had its turn; after
 * a task where there is no requestIdleCallback (Safari), as for the element.
 */
const idle = () =>
  new Promise((resolve) => {
    const then = () => setTimeout(resolve, 100);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(then);
    else setTimeout(then, 1);
  });

/** The next `lede-error` from an element, typed. */
const nextError = (element: Element) => oneEvent(element, 'lede-error') as Promise<LedeErrorEvent>;

async function loadFixture(name: string): Promise<Article> {
  return (await fetch(`/test/fixtures/${name}`)).json();
}

/** Waits for the element to settle, including async work such as fetching and sanitizing. */
async function settled(element: LedeArticle, check: () => boolean): Promise<void> {
  await waitUntil(check, 'element did not settle', { timeout: 5000 });
  await element.updateComplete;
}

describe('<lede-article>', () => {
  describe('server-rendered light DOM', () => {
    it('shows slotted content in the header and body, with the landmark and one heading', async () => {
      const element = await fixture<LedeArticle>(html`
        <lede-article>
          <p slot="kicker">LATEST DEVELOPMENTS</p>
          <h1 slot="headline">Blinken seeks pauses</h1>
          <p slot="byline">By time news</p>
          <p slot="date"><time datetime="2023-11-03">November 3, 2023</time></p>
          <p>First paragraph.</p>
          <p>Second paragraph.</p>
        </lede-article>
      `);
      const article = query(element, 'article[part="article"]')!;
      expect(article).to.exist;
      const headlineSlot = query<HTMLSlotElement>(element, 'slot[name="headline"]')!;
      expect(headlineSlot.assignedElements()[0]!.textContent).to.equal('Blinken seeks pauses');
      const bodySlot = query<HTMLSlotElement>(element, '.body slot:not([name])')!;
      const bodyElements = bodySlot.assignedElements().filter((node) => node.tagName !== 'SCRIPT');
      expect(bodyElements.map((node) => node.textContent)).to.deep.equal(['First paragraph.', 'Second paragraph.']);
      // No data: nothing rendered from data competes with the light DOM.
      expect(shadow(element).querySelectorAll('h1, h2, h3, h4, h5, h6')).to.have.length(0);
      await expect(element).to.be.accessible();
    });

    it('adds a reading time computed from the light-DOM body', async () => {
      const words = Array.from({ length: 920 }, (_, index) => `word${index}`).join(' ');
      const element = await fixture<LedeArticle>(html`
        <lede-article>
          <h1 slot="headline">Long read</h1>
          <p slot="date"><time datetime="2023-11-03">November 3, 2023</time></p>
          <p>${words}</p>
        </lede-article>
      `);
      expect(query(element, '.reading-time')!.textContent).to.equal('4 min read');
    });

    it('emits NewsArticle JSON-LD built from the light DOM', async () => {
      const element = await fixture<LedeArticle>(html`
        <lede-article>
          <h1 slot="headline">Light headline</h1>
          <p slot="date"><time datetime="2023-11-03">November 3, 2023</time></p>
          <p>Body text here.</p>
        </lede-article>
      `);
      const jsonLd = await jsonLdOf(element);
      expect(jsonLd['@type']).to.equal('NewsArticle');
      expect(jsonLd.headline).to.equal('Light headline');
      expect(jsonLd.datePublished).to.equal('2023-11-03');
      expect(jsonLd.articleBody).to.equal('Body text here.');
    });
  });

  describe('data', () => {
    it('renders a Lede Article from the property', async () => {
      const data = await loadFixture('article.lede.json');
      const element = await fixture<LedeArticle>(html`<lede-article lang="en-US" .article=${data}></lede-article>`);
      expect(query(element, '.kicker')!.textContent).to.equal('Latest developments');
      expect(query(element, 'h1.headline')!.textContent).to.equal(data.headline);
      expect(query(element, '.dek')!.textContent).to.equal(data.dek);
      const byline = query(element, '.byline')!;
      expect(byline.textContent!.replace(/\s+/g, ' ').trim()).to.equal('By Michael Perry and Angus MacSwan');
      expect(byline.querySelector('a')!.getAttribute('href')).to.equal('https://news.example/people/michael-perry');
      expect(query(element, '.dateline')!.textContent).to.equal('TEL AVIV');
      const times = shadow(element).querySelectorAll('time');
      expect(times[0]!.getAttribute('datetime')).to.equal('2023-11-03');
      expect(times[0]!.textContent).to.equal('November 3, 2023');
      expect(times[1]!.getAttribute('datetime')).to.equal('2023-11-04T10:30:00Z');
      expect(query(element, '.date')!.textContent).to.contain('Updated');
      const body = query(element, '.body')!;
      expect([...body.children].map((child) => child.tagName)).to.deep.equal(['P', 'H2', 'BLOCKQUOTE', 'FIGURE', 'UL', 'P', 'SLOT']);
      expect(body.querySelector('blockquote cite')!.textContent).to.equal('Antony Blinken');
      const figureImage = body.querySelector('figure img') as HTMLImageElement;
      expect(figureImage.alt).to.equal('The Rafah crossing');
      expect(figureImage.getAttribute('width')).to.equal('1200');
      expect(figureImage.loading).to.equal('lazy');
      expect(body.querySelector('figcaption .credit')!.textContent).to.equal('Reuters/Jane Doe');
      expect(query(element, '.lead-image img')!.getAttribute('alt')).to.equal('Antony Blinken at a podium');
      await expect(element).to.be.accessible();
    });

    it('loads the first picture at once with high priority, the rest lazily: the lead image, else the first in the body', async () => {
      const picture = (name: string) => ({ url: `/demo/content/illustration.svg?${name}`, alt: name });
      const figure = (name: string): ArticleBlock => ({ type: 'figure', image: picture(name) });
      const loading = (element: Element) =>
        [...shadow(element).querySelectorAll('img')].map((img) => `${img.alt}: ${img.loading} ${img.getAttribute('fetchpriority') ?? 'auto'}`);

      const withLead = await fixture<LedeArticle>(
        html`<lede-article .article=${{ headline: 'Lead', image: picture('lead'), body: [figure('one'), figure('two')] }}></lede-article>`,
      );
      expect(loading(withLead)).to.deep.equal(['lead: eager high', 'one: lazy auto', 'two: lazy auto']);

      const bodyOnly = await fixture<LedeArticle>(
        html`<lede-article .article=${{ headline: 'Body', body: [{ type: 'paragraph', text: 'Text.' }, figure('one'), figure('two')] }}></lede-article>`,
      );
      expect(loading(bodyOnly)).to.deep.equal(['one: eager high', 'two: lazy auto']);

      const htmlBody = await fixture<LedeArticle>(
        html`<lede-article .article=${{ headline: 'HTML', bodyHtml: '<p>Text.</p><img src="/demo/content/illustration.svg?one" alt="one"><img src="/demo/content/illustration.svg?two" alt="two">' }}></lede-article>`,
      );
      await waitUntil(() => loading(htmlBody).length === 2, 'the HTML body did not render');
      expect(loading(htmlBody)).to.deep.equal(['one: eager high', 'two: lazy auto']);
    });

    it('renders the headline at the configured level and keeps body headings below it', async () => {
      const data = await loadFixture('article.lede.json');
      const element = await fixture<LedeArticle>(html`<lede-article heading-level="2" .article=${data}></lede-article>`);
      expect(query(element, 'h2.headline')).to.exist;
      expect(query(element, 'h1')).to.be.null;
      expect(query(element, '.body h3')!.textContent).to.equal('Talks in Amman');
      element.headingLevel = 3;
      await element.updateComplete;
      expect(query(element, 'h3.headline')).to.exist;
      expect(query(element, '.body h4')!.textContent).to.equal('Talks in Amman');
    });

    it('shows the data body again when a light-DOM body comes and goes', async () => {
      const data = await loadFixture('article.lede.json');
      const element = await fixture<LedeArticle>(html`<lede-article .article=${data}></lede-article>`);
      const blocks = () => [...query(element, '.body')!.children].filter((child) => child.tagName !== 'SLOT').length;
      expect(blocks()).to.equal(data.body!.length);
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Server-rendered body';
      element.append(paragraph);
      await settled(element, () => blocks() === 0);
      paragraph.remove();
      await settled(element, () => blocks() > 0);
      expect(blocks()).to.equal(data.body!.length);
      expect(query(element, '.body > p')!.textContent).to.equal((data.body![0] as { text: string }).text);
    });

    it('reads schema.org NewsArticle JSON-LD from a script child and adds no JSON-LD of its own', async () => {
      const jsonLd = {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'From JSON-LD',
        description: 'A dek from the description.',
        datePublished: '2023-11-03T09:00:00Z',
        author: [
          { '@type': 'Person', name: 'Nidal al-Mughrabi' },
          { '@type': 'Person', name: 'Ali Sawafta' },
        ],
        articleBody: 'First paragraph.\n\nSecond paragraph.',
      };
      const element = await fixture<LedeArticle>(html`
        <lede-article><script type="application/ld+json">${JSON.stringify(jsonLd)}</script></lede-article>
      `);
      // schema.org mappers load on first use.
      await settled(element, () => Boolean(query(element, '.headline')));
      expect(query(element, '.headline')!.textContent).to.equal('From JSON-LD');
      expect(query(element, '.dek')!.textContent).to.equal('A dek from the description.');
      expect(query(element, '.byline')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('By Nidal al-Mughrabi and Ali Sawafta');
      expect([...shadow(element).querySelectorAll('.body p')].map((p) => p.textContent)).to.deep.equal(['First paragraph.', 'Second paragraph.']);
      await idle();
      expect(element.querySelector('script[data-lede-generated]')).to.be.null;
    });

    it('reads IPTC ninjs 3.x from the property', async () => {
      const ninjs = {
        uri: 'urn:ninjs3:1',
        headlines: [
          { role: 'main', value: 'Ninjs three headline' },
          { role: 'subhead', value: 'The subhead' },
        ],
        bodies: [{ role: 'main', contentType: 'text/plain', value: 'One.\n\nTwo.' }],
        by: 'Dan Williams',
        located: 'JERUSALEM',
        firstCreated: '2023-11-03T07:00:00Z',
      };
      const element = await fixture<LedeArticle>(html`<lede-article .article=${ninjs}></lede-article>`);
      await settled(element, () => Boolean(query(element, '.headline')));
      expect(query(element, '.headline')!.textContent).to.equal('Ninjs three headline');
      expect(query(element, '.dek')!.textContent).to.equal('The subhead');
      expect(query(element, '.byline')!.textContent).to.equal('By Dan Williams');
      expect(query(element, '.dateline')!.textContent).to.equal('JERUSALEM');
      expect(shadow(element).querySelectorAll('.body p')).to.have.length(2);
    });

    it('fetches ninjs 2.x from src, sanitizes its HTML body and fires lede-article-load', async () => {
      const element = document.createElement('lede-article');
      const loaded = oneEvent(element, 'lede-article-load') as Promise<LedeArticleLoadEvent>;
      element.src = '/test/fixtures/article.ninjs2.json';
      document.body.append(element);
      try {
        const event = await loaded;
        expect(event.article.headline).to.equal('Rafah crossing opens for evacuations');
        await settled(element, () => shadow(element).querySelectorAll('.body p').length === 2);
        expect(query(element, '.body p')!.textContent).to.equal('More than 700 foreign citizens have left Gaza.');
        expect(query(element, '.byline')!.textContent).to.equal('By Nidal al-Mughrabi');
        expect((await jsonLdOf(element)).articleBody).to.contain('Critically injured Palestinians crossed too.');
      } finally {
        element.remove();
      }
    });

    it('shares the article with elements inside it through context', async () => {
      const { ContextConsumer } = await import('@lit/context');
      const { articleContext } = await import('../src/shared/context.js');
      const { LitElement } = await import('lit');
      class ContextProbe extends LitElement {
        consumer = new ContextConsumer(this, { context: articleContext, subscribe: true });
      }
      customElements.define('context-probe', ContextProbe);
      const data = await loadFixture('article.lede.json');
      const element = await fixture<LedeArticle>(html`<lede-article .article=${data}><context-probe slot="byline"></context-probe></lede-article>`);
      const probe = element.querySelector('context-probe') as ContextProbe;
      await waitUntil(() => probe.consumer.value !== undefined);
      expect(probe.consumer.value!.headline).to.equal(data.headline);
    });
  });

  describe('JSON-LD for search engines', () => {
    it('emits one Person per author and escapes markup in strings', async () => {
      const data: Article = {
        headline: 'Headline with </script><script>window.__ledeXss = true</script>',
        authors: [{ name: 'Michael Perry' }, { name: 'Angus MacSwan' }],
        credits: [
          { name: 'Miral Fahmy', roles: ['editing'] },
          { name: 'Ali Sawafta', roles: ['reporting'], location: 'Ramallah' },
        ],
        datePublished: '2023-11-03',
        body: [{ type: 'paragraph', text: 'Text.' }],
      };
      const element = await fixture<LedeArticle>(html`<lede-article .article=${data}></lede-article>`);
      await jsonLdOf(element);
      const script = element.querySelector('script[data-lede-generated]')!;
      expect(script.textContent).not.to.contain('</script>');
      const jsonLd = JSON.parse(script.textContent!);
      expect(jsonLd.headline).to.equal(data.headline);
      expect(jsonLd.author).to.deep.equal([
        { '@type': 'Person', name: 'Michael Perry' },
        { '@type': 'Person', name: 'Angus MacSwan' },
      ]);
      expect(jsonLd.editor).to.deep.equal([{ '@type': 'Person', name: 'Miral Fahmy' }]);
      expect(jsonLd.contributor).to.deep.equal([{ '@type': 'Person', name: 'Ali Sawafta' }]);
      expect((window as unknown as { __ledeXss?: boolean }).__ledeXss).to.equal(undefined);
    });

    it('emits nothing with no-json-ld', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <lede-article no-json-ld .article=${{ headline: 'Quiet' }}></lede-article>
        <lede-article .article=${{ headline: 'Loud' }}></lede-article>
      </div>`);
      const [quiet, loud] = [...wrapper.querySelectorAll('lede-article')];
      // The element without the attribute has written its JSON-LD, so the other one had its turn too.
      expect((await jsonLdOf(loud!)).headline).to.equal('Loud');
      expect(query(quiet!, '.headline')!.textContent).to.equal('Quiet');
      expect(quiet!.querySelector('script')).to.be.null;
    });

    it('emits nothing when the page already describes the article', async () => {
      const own = document.createElement('script');
      own.type = 'application/ld+json';
      own.textContent = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', headline: 'Page' }] });
      document.head.append(own);
      try {
        const element = await fixture<LedeArticle>(html`<lede-article .article=${{ headline: 'Mine' }}></lede-article>`);
        await idle();
        expect(element.querySelector('script[data-lede-generated]')).to.be.null;
        // Once the page's own description is gone, the element describes the article itself.
        own.remove();
        element.article = { headline: 'Mine, again' };
        expect((await jsonLdOf(element)).headline).to.equal('Mine, again');
      } finally {
        own.remove();
      }
    });
  });

  describe('bad input', () => {
    it('reports malformed inline JSON with an alert and lede-error', async () => {
      const errors: LedeErrorEvent[] = [];
      document.addEventListener('lede-error', (event) => errors.push(event), { once: true });
      const element = await fixture<LedeArticle>(html`<lede-article><script type="application/ld+json">{ "headline": </script></lede-article>`);
      expect(errors).to.have.length(1);
      expect(errors[0]!.error.code).to.equal('invalid-json');
      expect(errors[0]!.target).to.equal(element);
      const alert = query(element, '[role="alert"]')!;
      expect(alert.textContent).to.contain('This article could not be loaded.');
      await expect(element).to.be.accessible();
    });

    it('names the field for a wrong or missing headline', async () => {
      const element = await fixture<LedeArticle>(html`<lede-article></lede-article>`);
      const cases: [unknown, string][] = [
        [{ headline: 42 }, 'headline'],
        [{ kicker: 'No headline' }, 'headline'],
      ];
      for (const [data, field] of cases) {
        const event = nextError(element);
        element.article = data as Article;
        const { error } = await event;
        expect(error.code, JSON.stringify(data)).to.equal('invalid-data');
        expect(error.field, JSON.stringify(data)).to.equal(field);
        await element.updateComplete;
        expect(query(element, '[role="alert"]'), JSON.stringify(data)).to.exist;
      }
      // Valid data after an error clears the error state.
      element.article = { headline: 'Recovered' };
      await element.updateComplete;
      expect(query(element, '[role="alert"]')).to.be.null;
      expect(query(element, '.headline')!.textContent).to.equal('Recovered');
    });

    it('renders data with malformed optional fields and reports what it left out in one lede-dropped', async () => {
      const element = await fixture<LedeArticle>(html`<lede-article></lede-article>`);
      const errors: LedeErrorEvent[] = [];
      element.addEventListener('lede-error', (event) => errors.push(event));
      const cases: [unknown, string[], string][] = [
        [{ headline: 'Ok', datePublished: 'yesterday' }, ['datePublished'], '"datePublished" must be an ISO 8601 date'],
        [{ headline: 'Ok', authors: 'Jane Doe' }, ['authors'], '"authors" must be an array'],
        [{ headline: 'Ok', body: [{ type: 'paragraph', text: ['not', 'text'] }] }, ['body[0]'], '"body[0].text" must be a string'],
        [{ headline: 'Ok', image: { url: '' }, dateModified: 'later' }, ['dateModified', 'image'], '"dateModified" must be an ISO 8601 date'],
      ];
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (message: string) => warnings.push(message);
      try {
        for (const [data, fields, reason] of cases) {
          warnings.length = 0;
          const dropped = oneEvent(element, 'lede-dropped') as Promise<LedeDroppedEvent>;
          element.article = data as Article;
          const event = await dropped;
          expect(
            event.fields.map(({ field }) => field),
            JSON.stringify(data),
          ).to.deep.equal(fields);
          expect(event.fields[0]!.reason).to.contain(reason);
          await element.updateComplete;
          expect(query(element, '.headline')!.textContent).to.equal('Ok');
          expect(query(element, '[role="alert"]') === null, JSON.stringify(data)).to.equal(true);
          expect(warnings, JSON.stringify(data)).to.deep.equal([`lede-article: left out ${fields.join(', ')}: ${event.fields[0]!.reason}`]);
        }
      } finally {
        console.warn = warn;
      }
      expect(errors).to.have.length(0);
    });

    it('reports JSON that is not an article as unsupported', async () => {
      const element = await fixture<LedeArticle>(html`<lede-article></lede-article>`);
      const event = nextError(element);
      element.article = { '@context': 'https://schema.org', '@type': 'Recipe', name: 'Soup' };
      expect((await event).error.code).to.equal('unsupported-format');
    });

    it('reports a failing src with its status and retries on request', async () => {
      const element = document.createElement('lede-article');
      const failed = nextError(element);
      element.src = '/test-api/status/500';
      document.body.append(element);
      try {
        const { error } = await failed;
        expect(error.code).to.equal('http');
        expect(error.status).to.equal(500);
        await element.updateComplete;
        const retry = query(element, '[role="alert"] button')!;
        expect(retry.textContent).to.equal('Try again');
        const again = nextError(element);
        retry.click();
        await element.updateComplete;
        expect(query(element, '[role="alert"]'), 'the error gives way to loading').to.be.null;
        expect(query(element, '[role="status"]')).to.exist;
        expect((await again).error.status).to.equal(500);
      } finally {
        element.remove();
      }
    });

    it('reports malformed JSON from src', async () => {
      const element = document.createElement('lede-article');
      const failed = nextError(element);
      element.src = '/test/fixtures/article.malformed.json';
      document.body.append(element);
      try {
        expect((await failed).error.code).to.equal('invalid-json');
      } finally {
        element.remove();
      }
    });

    it('gives up on a hanging src after its timeout and shows loading until then', async () => {
      const element = document.createElement('lede-article');
      element.timeout = 300;
      element.src = '/test-api/hang';
      const failed = nextError(element);
      document.body.append(element);
      try {
        await element.updateComplete;
        expect(query(element, 'article[aria-busy="true"] [role="status"]')!.textContent).to.equal('Loading article…');
        expect((await failed).error.code).to.equal('timeout');
      } finally {
        element.remove();
      }
    });

    it('renders nothing with on-error="hide"', async () => {
      const element = await fixture<LedeArticle>('<lede-article on-error="hide"></lede-article>');
      const event = nextError(element);
      element.article = { headline: '' };
      await event;
      await element.updateComplete;
      expect(shadow(element).children).to.have.length(0);
    });

    it('keeps server-rendered content readable when data fails', async () => {
      const element = await fixture<LedeArticle>(html`
        <lede-article><h1 slot="headline">Still here</h1><p>Body.</p><script type="application/ld+json">not json</script></lede-article>
      `);
      expect(query(element, '[role="alert"]')).to.be.null;
      expect(query<HTMLSlotElement>(element, 'slot[name="headline"]')!.assignedElements()[0]!.textContent).to.equal('Still here');
    });

    it('never runs script from any field, and shows hostile strings as text', async () => {
      const probe = window as unknown as { __ledeXss?: number };
      probe.__ledeXss = 0;
      const payload = `<img src=x onerror="window.__ledeXss++"><script>window.__ledeXss++</script>`;
      const data: Article = {
        kicker: payload,
        headline: payload,
        dek: payload,
        byline: payload,
        dateline: payload,
        authors: [{ name: payload, url: 'javascript:window.__ledeXss++' }],
        image: { url: 'javascript:window.__ledeXss++', alt: payload },
        body: [
          { type: 'paragraph', text: payload },
          { type: 'quote', text: payload, cite: payload },
          { type: 'figure', image: { url: 'data:text/html,<script>window.__ledeXss++</script>' }, caption: payload },
          { type: 'list', items: [payload] },
        ],
      };
      const element = await fixture<LedeArticle>(html`<lede-article .article=${data}></lede-article>`);
      expect(query(element, '.headline')!.textContent).to.equal(payload);
      expect(query(element, '.byline a')).to.be.null;
      expect(shadow(element).querySelectorAll('img')).to.have.length(0);

      element.article = {
        headline: 'HTML body',
        bodyHtml: `<p id="kept">Kept <a href="javascript:window.__ledeXss++">link</a></p>${payload}
          <iframe src="javascript:window.__ledeXss++"></iframe><svg><script>window.__ledeXss++</script></svg>
          <a href="https://news.example/" target="_blank">safe</a><p style="position:fixed">styled</p>`,
      };
      // Ids from data are prefixed, so none can shadow a document property.
      await settled(element, () => Boolean(query(element, '#user-content-kept')));
      const body = query(element, '.body')!;
      expect(body.querySelector('script, iframe, [onerror], [style]')).to.be.null;
      expect(body.querySelector('#user-content-kept a')!.hasAttribute('href')).to.equal(false);
      expect(body.querySelector('a[target]')!.getAttribute('rel')).to.equal('noopener noreferrer');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(probe.__ledeXss).to.equal(0);
    });
  });

  describe('locale, direction and theme', () => {
    it('formats dates for the nearest lang and follows changes to it', async () => {
      const data: Article = { headline: 'Dates', datePublished: '2023-11-03', authors: [{ name: 'A' }, { name: 'B' }] };
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><lede-article .article=${data}></lede-article></div>`);
      const element = wrapper.querySelector('lede-article')!;
      await element.updateComplete;
      expect(query(element, 'time')!.textContent).to.equal('3 novembre 2023');
      expect(query(element, '.byline')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Par A et B');
      wrapper.lang = 'de';
      await waitUntil(() => query(element, 'time')!.textContent === '3. November 2023', 'did not follow lang change');
    });

    for (const [lang, expected] of [
      ['de', ['Von A und B', '3. November 2023 · Aktualisiert am 5. November 2023', 'Lesezeit: 1 Min.']],
      ['es', ['Por A y B', '3 de noviembre de 2023 · Actualizado el 5 de noviembre de 2023', 'Lectura de 1 min']],
    ] as const) {
      it(`speaks ${lang}, its words loaded on demand`, async () => {
        const data: Article = {
          headline: 'H',
          datePublished: '2023-11-03',
          dateModified: '2023-11-05',
          authors: [{ name: 'A' }, { name: 'B' }],
          body: [{ type: 'paragraph', text: 'Wort' }],
        };
        const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><lede-article .article=${data}></lede-article></div>`);
        const element = wrapper.querySelector('lede-article')!;
        await element.updateComplete;
        const shown = ['.byline', '.date', '.reading-time'].map((selector) => query(element, selector)!.textContent!.replace(/\s+/g, ' ').trim());
        expect(shown).to.deep.equal([...expected]);
        await expect(element).to.be.accessible();
      });
    }

    it('renders Arabic right to left with Arabic dates and an accessible result', async () => {
      const data: Article = {
        headline: 'بلينكن يسعى إلى هدنة إنسانية في غزة',
        dek: 'وصل وزير الخارجية الأمريكي إلى تل أبيب.',
        authors: [{ name: 'نضال المغربي' }, { name: 'علي صوافطة' }],
        datePublished: '2023-11-03',
        body: [
          { type: 'paragraph', text: 'وصل وزير الخارجية الأمريكي أنتوني بلينكن إلى تل أبيب.' },
          { type: 'quote', text: 'هذا يؤلمني في أعماقي.' },
        ],
      };
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"><lede-article .article=${data}></lede-article></div>`);
      const element = wrapper.querySelector('lede-article')!;
      await element.updateComplete;
      const headline = query(element, '.headline')!;
      expect(getComputedStyle(headline).direction).to.equal('rtl');
      expect(query(element, 'time')!.textContent).to.equal(
        new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 10, 3))),
      );
      expect(query(element, '.byline')!.textContent).to.contain('بقلم');
      expect(query(element, '.byline')!.textContent).to.contain(' و');
      // Logical properties: the quote rule and padding sit on the right in RTL.
      const headlineBox = headline.getBoundingClientRect();
      const hostBox = element.getBoundingClientRect();
      expect(hostBox.right - headlineBox.right).to.be.lessThan(hostBox.width / 4);
      const quote = query(element, 'blockquote')!;
      expect(getComputedStyle(quote).borderRightWidth).to.equal('3px');
      // Arabic type has no italics: the quote is not slanted as English quotes are.
      expect(getComputedStyle(quote).fontStyle).to.equal('normal');
      await expect(element).to.be.accessible();
    });

    it('never breaks a date or time across lines ("9:30" and "ص" stay together)', async () => {
      const data: Article = { headline: 'عنوان', datePublished: '2024-02-04', dateModified: '2024-02-05T09:30:00Z' };
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"><lede-article .article=${data}></lede-article></div>`);
      const element = wrapper.querySelector('lede-article')!;
      await element.updateComplete;
      const times = [...shadow(element).querySelectorAll('time')];
      expect(times.map((time) => time.textContent)).to.have.length(2);
      const broken: string[] = [];
      for (let width = 240; width <= 480; width += 4) {
        wrapper.style.inlineSize = `${width}px`;
        // One line: every box of the time (one a bidi run) on the same line.
        for (const time of times)
          if (new Set([...time.getClientRects()].map((box) => Math.round(box.top))).size !== 1) broken.push(`${width}px: ${time.textContent}`);
      }
      expect(broken).to.deep.equal([]);
    });

    it('marks content in a right-to-left language as such inside a left-to-right page', async () => {
      const element = await fixture<LedeArticle>(html`<lede-article .article=${{ headline: 'عنوان', language: 'ar' }}></lede-article>`);
      const article = query(element, 'article')!;
      expect(article.getAttribute('lang')).to.equal('ar');
      expect(article.getAttribute('dir')).to.equal('rtl');
    });

    it('switches palettes with the theme attribute', async () => {
      const luminance = (color: string) => {
        const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.map(Number);
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const element = await fixture<LedeArticle>(html`<lede-article theme="dark" .article=${{ headline: 'Night' }}></lede-article>`);
      const dark = getComputedStyle(element);
      expect(luminance(dark.color)).to.be.greaterThan(luminance(dark.backgroundColor));
      await expect(element).to.be.accessible();
      element.theme = 'light';
      await element.updateComplete;
      const light = getComputedStyle(element);
      expect(luminance(light.color)).to.be.lessThan(luminance(light.backgroundColor));
    });

    it('lets a page restyle it through --lede-* custom properties', async () => {
      const element = await fixture<LedeArticle>(html`
        <lede-article style="--lede-color-accent: rgb(1, 2, 3); --lede-font-size: 20px" .article=${{ headline: 'Tokens', kicker: 'Kick' }}></lede-article>
      `);
      expect(getComputedStyle(query(element, '.kicker')!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(element).fontSize).to.equal('20px');
    });
  });
});
