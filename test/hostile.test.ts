import { expect } from '@open-wc/testing';
import '../src/article.js';
import { hostileCorpus, hugeCount } from './fixtures/hostile/corpus.js';
import { check, hostilePage } from './support/hostile.js';
import {
  article,
  articleSettled,
  articleState,
  checkArticlePaths,
  hugeLength,
  jsonLdChild,
  ledeArticle,
  lightArticle,
  plainTextArticle,
  schemaOrg,
  shadow,
} from './support/hostile-articles.js';

// Every hostile string through every input path of <lede-article>, 50 articles to a page (see
// test/support/hostile.ts for what is checked): Lede JSON, schema.org, light DOM and plain text
// here, ninjs in hostile-ninjs.test.ts and hostile-ninjs-media.test.ts; <lede-byline>,
// <lede-related> and <lede-comments> are in hostile-elements.test.ts and hostile-comments.test.ts.

describe('hostile input', function () {
  this.timeout(30000);
  hostilePage();

  it(`has a corpus of at least 500 vectors, ${hugeCount} of them about 1 MB`, () => {
    expect(hostileCorpus.length).to.be.at.least(500);
    expect(hostileCorpus.filter((vector) => vector.length >= 1 << 20)).to.have.length(hugeCount);
    expect(hostileCorpus.filter((vector) => vector.includes('__ledeCanary'))).to.have.length.greaterThan(450);
  });

  it('refuses the 1 MB strings as HTML bodies, in every format with one, and shows the rest', async () => {
    const huge = hostileCorpus.filter((vector) => vector.length >= hugeLength);
    const hosts = huge.flatMap((vector) => [
      article({ headline: 'Huge', bodyHtml: vector }),
      article({ uri: 'https://news.example/1', type: 'text', headline: 'Huge', body_html: vector }),
      article({
        uri: 'https://news.example/3',
        type: 'text',
        headlines: [{ role: 'main', value: 'Huge' }],
        bodies: [{ contentType: 'text/html', value: vector }],
      }),
    ]);
    const codes: string[] = [];
    for (const host of hosts) host.addEventListener('lede-error', (event) => codes.push(event.error.code));
    // Fifteen megabytes to read and measure: more than the usual 8 s when the machine is busy.
    expect(await check(hosts, articleSettled, articleState, 20000)).to.deep.equal({ content: hosts.length });
    expect(codes).to.deep.equal(hosts.map(() => 'too-large'));
  });

  checkArticlePaths([
    ['Lede JSON with body blocks', (vector) => article(ledeArticle(vector, 'blocks'))],
    ['Lede JSON with bodyHtml', (vector) => article(ledeArticle(vector, 'html'))],
    ['schema.org JSON-LD as the article property', (vector) => article(schemaOrg(vector))],
    ['a schema.org JSON-LD script child', jsonLdChild, (host) => !!shadow(host)?.querySelector('h1, .error')],
    ['server-rendered light DOM', lightArticle, (host) => !!shadow(host)?.querySelector('.error') || !!host.querySelector('script[data-lede-generated]')],
    ['parseArticleText', plainTextArticle],
  ]);
});
