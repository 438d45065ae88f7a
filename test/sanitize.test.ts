import { expect, waitUntil } from '@open-wc/testing';
import '../src/article.js';
import '../src/comments.js';
import type { LedeArticle } from '../src/article.js';
import { sanitizeHtml } from '../src/shared/sanitize.js';

/** The sanitized markup as a string: the output every engine must agree on, byte for byte. */
const clean = async (source: string) => (await sanitizeHtml(source)).innerHTML;

const svg = 'http://www.w3.org/2000/svg';
const mathml = 'http://www.w3.org/1998/Math/MathML';

/** Handlers that crashed Chromium 156's renderer when `setHTML` was given a custom sanitizer config. */
const crashers = [
  'onvisibilitychange',
  'onstart',
  'onfinish',
  'onfreeze',
  'onresume',
  'onpageswap',
  'onpagereveal',
  'onbeforematch',
  'ontransitionstart',
  'ontransitionrun',
  'ontransitionend',
  'ontransitioncancel',
  'onfullscreenchange',
  'onfullscreenerror',
  'ongamepadconnected',
  'ongamepaddisconnected',
  'onreadystatechange',
  'onpointerlockchange',
  'onpointerlockerror',
  'onselectionchange',
  'onprerenderingchange',
  'onwebkitfullscreenchange',
  'onwebkitfullscreenerror',
  'onbeforexrselect',
  'onsnapchanged',
  'onsnapchanging',
  'onscrollend',
  'oncontentvisibilityautostatechange',
  'onbeforetoggle',
];

/** Every event-handler attribute this engine knows, plus the crashers whichever engine this is. */
function handlerNames(): string[] {
  const names = new Set(crashers);
  const targets = [
    window,
    document,
    document.createElement('video'),
    document.createElement('marquee'),
    document.createElementNS(svg, 'svg'),
    document.createElementNS(mathml, 'mi'),
  ];
  for (const target of targets) {
    for (let proto: object | null = target; proto; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) if (/^on[a-z]+$/.test(key)) names.add(key);
    }
  }
  return [...names];
}

/** Names of the attributes left in `root` that match `test`, as "tag@attribute". */
const attributesLeft = (root: ParentNode, test: (name: string) => boolean) =>
  [...root.querySelectorAll('*')].flatMap((element) =>
    element
      .getAttributeNames()
      .filter(test)
      .map((name) => `${element.localName}@${name}`),
  );

/** A body that carries every handler in HTML, SVG and MathML, a live custom element and an SVG style sheet. */
function hostileBody(): string {
  const handlers = handlerNames()
    .map((name) => `${name}="window.__ledeHandler=1"`)
    .join(' ');
  return `<p ${handlers}>Kept text.</p><svg ${handlers}><circle ${handlers} r="1"/><style>p{color:red}</style></svg><math ${handlers}><mi ${handlers}>x</mi></math>
    <lede-comments endpoint="/comments-api/none" thread="hostile" loading="eager"></lede-comments>`;
}

describe('sanitizeHtml', () => {
  beforeEach(() => delete (window as { __ledeHandler?: number }).__ledeHandler);

  it('removes everything that could run or escape', async () => {
    const hostile = `<p>ok <b>bold</b></p><img src=x onerror="window.__ledeHandler=1"><script>window.__ledeHandler=1</script>
      <a href="javascript:window.__ledeHandler=1">js</a><a href="https://news.example/" target="_blank">ok</a>
      <iframe srcdoc="<script>parent.__ledeHandler=1</script>"></iframe><form><input></form><p style="color:red">s</p>
      <svg><a href="javascript:1"><text>svg</text></a></svg><math><mi xlink:href="javascript:1">m</mi></math>`;
    const element = await sanitizeHtml(hostile);
    document.body.append(element);
    try {
      expect(element.querySelector('p b')!.textContent).to.equal('bold');
      expect(element.querySelectorAll('script, iframe, form, input, [onerror], [style]').length).to.equal(0);
      const links = [...element.querySelectorAll('a, mi')].map((link) => link.getAttribute('href') ?? link.getAttribute('xlink:href'));
      expect(links).to.deep.equal([null, 'https://news.example/', null, null]);
      expect(element.querySelector('a[target]')!.getAttribute('rel')).to.equal('noopener noreferrer');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __ledeHandler?: number }).__ledeHandler).to.equal(undefined);
    } finally {
      element.remove();
    }
  });

  it('removes every event-handler attribute, in HTML, SVG and MathML', async () => {
    const names = handlerNames();
    expect(names.length).to.be.greaterThan(crashers.length);
    const element = await sanitizeHtml(hostileBody());
    expect(attributesLeft(element, (name) => name.startsWith('on'))).to.deep.equal([]);
    expect(element.querySelector('p')?.textContent).to.equal('Kept text.');
  });

  it('keeps no style element or attribute in any namespace', async () => {
    const source = `<style>p{color:red}</style><p style="color:red">a</p><svg><style>*{fill:url(https://x.example/)}</style><rect style="fill:red"/></svg>
      <math><style>m{}</style><mi style="color:red">m</mi></math><svg><foreignObject><style>p{}</style></foreignObject></svg>`;
    const element = await sanitizeHtml(source);
    expect(element.querySelectorAll('style').length).to.equal(0);
    expect(attributesLeft(element, (name) => name === 'style')).to.deep.equal([]);
  });

  it('creates no custom element, customized built-in or legacy element', async () => {
    const source = `<lede-comments endpoint="/x" loading="eager">c</lede-comments><x-card>k</x-card><p is="x-para">p</p><svg><x-shape/></svg>
      <marquee>m</marquee><blink>b</blink><frameset></frameset><isindex><keygen name="k"><button>b</button><form><input></form>
      <script>window.__ledeHandler=1</script><iframe src="https://x.example/"></iframe><object data="x"></object><embed src="x"><template>t</template>`;
    const element = await sanitizeHtml(source);
    const names = [...element.querySelectorAll('*')].map((node) => node.localName);
    expect(names.filter((name) => name.includes('-'))).to.deep.equal([]);
    expect(
      names.filter((name) =>
        ['marquee', 'blink', 'frameset', 'isindex', 'keygen', 'button', 'form', 'input', 'script', 'iframe', 'object', 'embed', 'template'].includes(name),
      ),
    ).to.deep.equal([]);
    expect(attributesLeft(element, (name) => name === 'is')).to.deep.equal([]);
  });

  it('makes every new-tab link and area noopener, and drops targets it cannot guard', async () => {
    const source = `<a href="https://a.example/" target="_blank" rel="opener">a</a><map name="m"><area href="https://b.example/" target="_blank" rel="opener" alt="b"></map>
      <svg><a href="https://c.example/" target="_blank"><text>c</text></a></svg>`;
    expect(await clean(source)).to.equal(
      '<a href="https://a.example/" target="_blank" rel="noopener noreferrer">a</a><map name="user-content-m"><area href="https://b.example/" target="_blank" rel="noopener noreferrer" alt="b"></map>\n      ' +
        '<svg><a href="https://c.example/"><text>c</text></a></svg>',
    );
  });

  it('lets only http(s) and relative URLs through, in every URL attribute', async () => {
    const bad = [
      'javascript:window.__ledeHandler=1',
      ' JaVa&#x09;ScRiPt:window.__ledeHandler=1',
      'data:text/html,<script>window.__ledeHandler=1</script>',
      'vbscript:x',
      'mailto:a@b.example',
    ];
    const carriers = (url: string) =>
      `<a href="${url}" ping="${url}">a</a><img src="${url}" srcset="${url} 2x" alt="i"><video poster="${url}" src="${url}"></video><blockquote cite="${url}">q</blockquote>
       <table background="${url}"><tbody><tr><td background="${url}">t</td></tr></tbody></table><svg><a href="${url}" xlink:href="${url}"><text>s</text></a><image href="${url}"/></svg>`;
    const element = await sanitizeHtml(bad.map(carriers).join(''));
    const urlAttributes = /^(href|src|srcset|ping|background|poster|cite|xlink:href|action|formaction)$/;
    expect(attributesLeft(element, (name) => urlAttributes.test(name))).to.deep.equal([]);
    // Good URLs stay where a URL belongs; `srcset` and `ping` never do: data picks no sources and no beacons.
    expect(
      await clean(
        '<a href="/story" ping="https://t.example/">s</a><img src="https://i.example/a.jpg" srcset="https://i.example/b.jpg 2x" alt="a"><table background="https://i.example/bg.png"></table>',
      ),
    ).to.equal(
      '<a href="/story">s</a><img src="https://i.example/a.jpg" alt="a" loading="lazy" decoding="async"><table background="https://i.example/bg.png"></table>',
    );
  });

  it('keeps ids and names from shadowing document and form properties', async () => {
    const element = await sanitizeHtml(
      '<img name="getElementById" alt=""><img name="ledeClobber" alt=""><a id="cookie" href="/x">x</a><h2 id="section">S</h2>',
    );
    document.body.append(element);
    try {
      expect(typeof document.getElementById).to.equal('function');
      expect(typeof document.cookie).to.equal('string');
      expect('ledeClobber' in document).to.equal(false);
      expect([...element.querySelectorAll('[id], [name]')].map((node) => node.getAttribute('id') ?? node.getAttribute('name'))).to.deep.equal([
        'user-content-getElementById',
        'user-content-ledeClobber',
        'user-content-cookie',
        'user-content-section',
      ]);
    } finally {
      element.remove();
    }
  });

  it('gives every engine the same article markup', async () => {
    const source = `<h2>Head</h2><p>Text <b>bold</b> <i>it</i> <a href="https://news.example/a" title="A">link</a>.</p>
      <figure><img src="/img/a.jpg" alt="Alt" width="600" height="400"><figcaption>Cap</figcaption></figure>
      <ul><li>one</li></ul><blockquote cite="https://news.example/q"><p>Quote</p></blockquote>
      <table><caption>T</caption><tbody><tr><th scope="row">h</th><td>d</td></tr></tbody></table>`;
    expect(await clean(source)).to.equal(
      `<h2>Head</h2><p>Text <b>bold</b> <i>it</i> <a href="https://news.example/a" title="A">link</a>.</p>
      <figure><img src="/img/a.jpg" alt="Alt" width="600" height="400" loading="lazy" decoding="async"><figcaption>Cap</figcaption></figure>
      <ul><li>one</li></ul><blockquote cite="https://news.example/q"><p>Quote</p></blockquote>
      <table><caption>T</caption><tbody><tr><th scope="row">h</th><td>d</td></tr></tbody></table>`,
    );
  });
});

describe('<lede-article> with a hostile HTML body', () => {
  /** A JSON document at a blob: URL, fetched by `src` like any other. */
  const served = (data: object) => URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));

  const cases: [string, (body: string) => Partial<LedeArticle>][] = [
    ['Lede JSON bodyHtml', (body) => ({ article: { headline: 'Hostile', bodyHtml: body } })],
    ['ninjs 2 body_html from src', (body) => ({ src: served({ uri: 'urn:x:2', headline: 'Hostile', body_html: body }) })],
    [
      'ninjs 3 bodies from src',
      (body) => ({ src: served({ uri: 'urn:x:3', headlines: [{ value: 'Hostile' }], bodies: [{ contentType: 'text/html', value: body }] }) }),
    ],
  ];

  for (const [name, input] of cases) {
    it(`renders the text and nothing live: ${name}`, async () => {
      delete (window as { __ledeHandler?: number }).__ledeHandler;
      const element = Object.assign(document.createElement('lede-article'), input(hostileBody()));
      document.body.append(element);
      try {
        const body = () => element.shadowRoot?.querySelector('.body');
        await waitUntil(() => body()?.querySelector('p')?.textContent === 'Kept text.', 'the body did not render', { timeout: 5000 });
        expect(attributesLeft(body()!, (attribute) => attribute.startsWith('on'))).to.deep.equal([]);
        expect(body()!.querySelectorAll('lede-comments, style').length).to.equal(0);
        expect((window as { __ledeHandler?: number }).__ledeHandler).to.equal(undefined);
      } finally {
        element.remove();
      }
    });
  }
});
