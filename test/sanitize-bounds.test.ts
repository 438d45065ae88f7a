import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/article.js';
import type { LedeArticle } from '../src/article.js';
import { LedeError } from '../src/shared/errors.js';
import type { LedeErrorEvent } from '../src/shared/events.js';
import { maxHtmlLength, maxHtmlTags } from '../src/shared/html-bounds.js';
import { sanitizeHtml } from '../src/shared/sanitize.js';

/** What `sanitizeHtml` rejects with, as "code: message", or "sanitized" and the time it took. */
async function outcome(source: string): Promise<string> {
  try {
    await sanitizeHtml(source);
    return 'sanitized';
  } catch (error) {
    return error instanceof LedeError ? `${error.code}: ${error.message}` : `other: ${String(error)}`;
  }
}

/** `count` distinct formatting elements left open inside a paragraph, then `blocks` paragraphs. */
const reopenBomb = (count: number, blocks: number) =>
  `<p>${Array.from({ length: count }, (_, index) => `<b id=b${index}>`).join('')}${'</p><p>x'.repeat(blocks)}`;

describe('sanitizeHtml bounds', () => {
  it(`refuses a body over ${maxHtmlLength} characters before parsing it`, async () => {
    expect(await outcome(`<p>${'a'.repeat(maxHtmlLength)}</p>`)).to.match(/^too-large: .*1000007 characters long, over 1000000/);
    expect(await outcome(`<p>${'a'.repeat(maxHtmlLength - 7)}</p>`)).to.equal('sanitized');
  });

  it(`refuses a body of over ${maxHtmlTags} tags, and counts tags hidden in comments and raw text`, async () => {
    expect(await outcome('<p>x</p>'.repeat(maxHtmlTags + 1))).to.match(/^too-large: .*10001 tags, over 10000/);
    expect(await outcome(`<!--${'<i>'.repeat(maxHtmlTags)}--><p>`)).to.match(/^too-large: .*10001 tags/);
    expect(await outcome('<p>x</p>'.repeat(maxHtmlTags))).to.equal('sanitized');
  });

  it('refuses, at once, 18 kB that would make the parser reopen a million elements (it crashed Chromium)', async () => {
    const start = performance.now();
    expect(await outcome(reopenBomb(1000, 1000))).to.match(/^too-large: .* 1000 formatting elements left open × 2001 tags/);
    // The closing tags hidden in a comment or a style sheet close nothing for the parser.
    const hidden = `<p>${'<b id=x>'.repeat(40)}<!--${'</b>'.repeat(40)}--><style>${'</b>'.repeat(40)}</style>${'</p><p>x'.repeat(1000)}`;
    expect(await outcome(hidden)).to.match(/^too-large: .* 40 formatting elements/);
    expect(performance.now() - start).to.be.below(1000);
  });

  it('accepts long articles whose formatting is closed, or wraps blocks in a link', async () => {
    const paragraph = '<p>Text with <a href="/a"><strong>a <em>link</em></strong></a>,<br><b>bold <i>and</i></b> a <code>code</code>.</p>';
    expect(await outcome(paragraph.repeat(1000))).to.equal('sanitized');
    expect(await outcome(`<a href="/story"><em>${'<p>x</p><div>y</div>'.repeat(2000)}</em></a>`)).to.equal('sanitized');
  });
});

describe('<lede-article> with an HTML body over the bounds', () => {
  it('shows the rest of the article, an empty body, and says why in a lede-error', async () => {
    const element = await fixture<LedeArticle>(html`<lede-article .article=${{ headline: 'Fine', bodyHtml: '<p>Old body</p>' }}></lede-article>`);
    await waitUntil(() => element.shadowRoot!.querySelector('.body')?.textContent?.includes('Old body'), 'the first body did not render', { timeout: 5000 });
    const error = oneEvent(element, 'lede-error') as Promise<LedeErrorEvent>;
    element.article = { headline: 'Too large', bodyHtml: reopenBomb(1000, 1000) };
    expect((await error).error.code).to.equal('too-large');
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(root.querySelector('h1')?.textContent?.trim()).to.equal('Too large');
    // The previous article's body is gone, not left under the new headline.
    expect(root.querySelector('.body')?.textContent?.trim()).to.equal('');
    expect(root.querySelector('[role="alert"]') === null).to.equal(true);
  });
});
