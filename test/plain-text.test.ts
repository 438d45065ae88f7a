import { expect } from '@open-wc/testing';
import { plainText } from '../src/formats/plain-text.js';

// In a browser the platform's HTML parser decodes references; Node's fallback is in test/node/feeds.test.ts.
describe('plainText in a browser', () => {
  it('decodes every named reference, as a page would', () => {
    expect(plainText('Caf&eacute; &mdash; &ldquo;na&iuml;ve&rdquo; &hellip; &euro;5 &frac12; &NotEqualTilde;')).to.equal('Café — “naïve” … €5 ½ ≂̸');
    // Legacy names without a semicolon, as HTML reads them in text.
    expect(plainText('&copy 2024 &amp co')).to.equal('© 2024 & co');
    expect(plainText('&bogus; &amp;amp;')).to.equal('&bogus; &amp;');
  });

  it('decodes numeric references and keeps markup that references spell out as text', () => {
    expect(plainText('&#128;5 &#x2014; &#0;')).to.equal('€5 — \ufffd');
    expect(plainText('&lt;script&gt;alert(1)&lt;/script&gt; &lt;/textarea&gt;<b>x</b>')).to.equal('<script>alert(1)</script> </textarea> x');
  });
});
