import { expect } from '@open-wc/testing';
import { detectArticleFormat } from '../src/formats/detect-format.js';
import { parseArticleJson, readArticle } from '../src/formats/article-formats.js';
import { serializeJsonLd, toNewsArticleJsonLd } from '../src/formats/json-ld.js';
import { LedeError } from '../src/shared/errors.js';

function errorOf(run: () => unknown): LedeError {
  try {
    run();
  } catch (error) {
    if (error instanceof LedeError) return error;
    throw error;
  }
  throw new Error('expected a LedeError');
}

describe('readArticle', () => {
  it('detects each format', () => {
    expect(detectArticleFormat({ headline: 'x' })).to.equal('lede');
    expect(detectArticleFormat({ '@type': 'NewsArticle', headline: 'x' })).to.equal('schema.org');
    expect(detectArticleFormat({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['Thing', 'ReportageNewsArticle'] }] })).to.equal('schema.org');
    expect(detectArticleFormat([{ '@type': 'BlogPosting' }])).to.equal('schema.org');
    expect(detectArticleFormat({ uri: 'u', headlines: [] })).to.equal('ninjs-3');
    expect(detectArticleFormat({ uri: 'u', headline: 'x', versioncreated: '2023-11-03' })).to.equal('ninjs-2');
    expect(detectArticleFormat({ '@type': 'Recipe' })).to.equal(undefined);
    expect(detectArticleFormat('text')).to.equal(undefined);
  });

  it('maps schema.org fields in their several shapes', () => {
    const article = readArticle({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        {
          '@type': 'NewsArticle',
          '@id': 'https://news.example/a#article',
          mainEntityOfPage: { '@id': 'https://news.example/a' },
          headline: 'Headline',
          alternativeHeadline: 'Alt',
          description: 'Dek',
          image: [{ '@type': 'ImageObject', url: 'https://news.example/i.jpg', width: '1200', height: 800, caption: 'Cap' }],
          author: [{ '@type': 'Person', name: 'A', url: 'https://news.example/a', jobTitle: 'Reporter' }, 'B'],
          editor: { '@type': 'Person', name: 'E' },
          publisher: { '@type': 'Organization', name: 'Pub', logo: 'https://news.example/logo.png' },
          datePublished: '2023-11-03T09:00:00+02:00',
          articleSection: ['World', 'Middle East'],
          keywords: 'gaza, diplomacy',
          inLanguage: 'en-GB',
          dateline: 'GAZA',
          articleBody: 'One.\n\nTwo.',
        },
      ],
    });
    expect(article).to.deep.include({
      id: 'https://news.example/a#article',
      url: 'https://news.example/a',
      headline: 'Headline',
      alternativeHeadline: 'Alt',
      dek: 'Dek',
      dateline: 'GAZA',
      datePublished: '2023-11-03T09:00:00+02:00',
      section: 'World',
      language: 'en-GB',
    });
    expect(article.image).to.deep.equal({ url: 'https://news.example/i.jpg', alt: 'Cap', width: 1200, height: 800 });
    expect(article.authors).to.deep.equal([{ name: 'A', url: 'https://news.example/a', jobTitle: 'Reporter' }, { name: 'B' }]);
    expect(article.credits).to.deep.equal([{ name: 'E', roles: ['editing'] }]);
    expect(article.publisher).to.deep.equal({ name: 'Pub', logo: { url: 'https://news.example/logo.png' } });
    expect(article.keywords).to.deep.equal(['gaza', 'diplomacy']);
    expect(article.body).to.deep.equal([
      { type: 'paragraph', text: 'One.' },
      { type: 'paragraph', text: 'Two.' },
    ]);
  });

  it('keeps an organisation author as the byline rather than a person', () => {
    const article = readArticle({ '@type': 'NewsArticle', headline: 'H', author: { '@type': 'NewsMediaOrganization', name: 'Reuters' } });
    expect(article.authors).to.equal(undefined);
    expect(article.byline).to.equal('Reuters');
  });

  it('maps ninjs 3.x with an HTML body, people and a picture', () => {
    const article = readArticle({
      uri: 'urn:x',
      headlines: [{ role: 'main', value: 'Main' }],
      descriptions: [{ role: 'summary', value: 'Summary' }],
      bodies: [
        { role: 'main', contentType: 'text/html', value: '<p>Hi</p>' },
        { role: 'main', contentType: 'text/plain', value: 'Hi' },
      ],
      people: [
        { name: 'Writer', rel: 'author' },
        { name: 'Subject person', rel: 'about' },
      ],
      associations: [
        { name: 'pic', type: 'picture', renditions: [{ href: 'https://news.example/p.jpg', width: 800, height: 600 }], descriptions: [{ value: 'Alt text' }] },
      ],
      versionCreated: '2023-11-04T00:00:00Z',
      language: 'en',
    });
    expect(article.headline).to.equal('Main');
    expect(article.dek).to.equal('Summary');
    expect(article.bodyHtml).to.equal('<p>Hi</p>');
    expect(article.body).to.equal(undefined);
    expect(article.authors).to.deep.equal([{ name: 'Writer' }]);
    expect(article.image).to.deep.equal({ url: 'https://news.example/p.jpg', width: 800, height: 600, alt: 'Alt text' });
    expect(article.dateModified).to.equal('2023-11-04T00:00:00Z');
  });

  it('maps ninjs 1.x/2.x lower-case fields and keyed associations', () => {
    const article = readArticle({
      uri: 'urn:y',
      headline: 'Old style',
      byline: 'By Someone',
      body_text: 'Para one.\n\nPara two.',
      firstcreated: '2023-11-03T08:00:00Z',
      associations: { featureimage: { type: 'picture', description_text: 'A picture', renditions: { original: { href: 'https://news.example/o.jpg' } } } },
    });
    expect(article.byline).to.equal('By Someone');
    expect(article.datePublished).to.equal('2023-11-03T08:00:00Z');
    expect(article.body).to.have.length(2);
    expect(article.image).to.deep.equal({ url: 'https://news.example/o.jpg', alt: 'A picture' });
  });

  it('fails with the field named, and never with anything but LedeError', () => {
    expect(errorOf(() => parseArticleJson('{')).code).to.equal('invalid-json');
    expect(errorOf(() => readArticle(null)).code).to.equal('invalid-data');
    expect(errorOf(() => readArticle(42)).code).to.equal('invalid-data');
    expect(errorOf(() => readArticle({ '@type': 'NewsArticle' })).field).to.equal('headline');
    expect(errorOf(() => readArticle({ headline: 'H', datePublished: '2023-02-30' })).field).to.equal('datePublished');
    expect(errorOf(() => readArticle({ headline: 'H', credits: [{ name: 'X', roles: ['boss'] }] })).field).to.equal('credits[0].roles');
    expect(errorOf(() => readArticle({ headline: 'H', body: [{ type: 'heading', level: 7, text: 'T' }] })).field).to.equal('body[0].level');
    expect(errorOf(() => readArticle({ headline: 'H', image: { url: 'x', width: -1 } })).field).to.equal('image.width');
  });

  it('trims strings, drops empty ones and skips unknown block types', () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const article = readArticle({
        headline: '  H  ',
        dek: '   ',
        body: [
          { type: 'video', src: 'x' },
          { type: 'paragraph', text: ' P ' },
        ],
      });
      expect(article).to.deep.equal({ headline: 'H', body: [{ type: 'paragraph', text: 'P' }] });
    } finally {
      console.warn = warn;
    }
  });

  it('cuts a headline, name or other short field over 2,000 characters, with an ellipsis and a warning', () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      const long = 'A'.repeat(5000);
      const article = readArticle({
        headline: long,
        dek: `${'B'.repeat(1998)}\u{1F600}C`,
        authors: [{ name: long }],
        credits: [{ name: long, roles: ['reporting'] }],
      });
      expect(article.headline).to.equal(`${'A'.repeat(1999)}\u2026`);
      // Never half an emoji.
      expect(article.dek).to.equal(`${'B'.repeat(1998)}\u2026`);
      expect(article.authors![0]!.name.length).to.equal(2000);
      expect(article.credits![0]!.name.length).to.equal(2000);
      expect(warnings).to.deep.equal([
        'lede: cutting headline from 5000 to 2000 characters',
        'lede: cutting dek from 2001 to 2000 characters',
        'lede: cutting authors[0].name from 5000 to 2000 characters',
        'lede: cutting credits[0].name from 5000 to 2000 characters',
      ]);
    } finally {
      console.warn = warn;
    }
  });
});

describe('toNewsArticleJsonLd', () => {
  it('writes schema.org fields, one node per person, and credit roles in their places', () => {
    const jsonLd = toNewsArticleJsonLd({
      headline: 'H',
      dek: 'D',
      url: 'https://news.example/a',
      byline: 'time news',
      datePublished: '2023-11-03',
      credits: [
        { name: 'Michael Perry', roles: ['writing'] },
        { name: 'Reuters', roles: ['reporting'], kind: 'organization' },
        { name: 'Miral Fahmy', roles: ['editing'] },
      ],
      image: { url: 'https://news.example/i.jpg' },
      body: [{ type: 'paragraph', text: 'One two three.' }],
    });
    expect(jsonLd).to.deep.include({
      '@type': 'NewsArticle',
      headline: 'H',
      description: 'D',
      mainEntityOfPage: 'https://news.example/a',
      image: ['https://news.example/i.jpg'],
      articleBody: 'One two three.',
      wordCount: 3,
    });
    expect(jsonLd.author).to.deep.equal([{ '@type': 'Person', name: 'Michael Perry' }]);
    expect(jsonLd.contributor).to.deep.equal([{ '@type': 'Organization', name: 'Reuters' }]);
    expect(jsonLd.editor).to.deep.equal([{ '@type': 'Person', name: 'Miral Fahmy' }]);
    expect(jsonLd.creditText).to.equal(undefined);
  });

  it('keeps a byline that names no one as creditText', () => {
    expect(toNewsArticleJsonLd({ headline: 'H', byline: 'time news' }).creditText).to.equal('time news');
  });

  it('serializes so no string can close the script element', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script>\u2028' });
    expect(text).not.to.contain('<');
    expect(JSON.parse(text).headline).to.equal('</script><script>alert(1)</script>\u2028');
  });
});
