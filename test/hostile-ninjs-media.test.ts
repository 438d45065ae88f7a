import '../src/article.js';
import { hostilePage } from './support/hostile.js';
import { article, checkArticlePaths, ninjsMedia } from './support/hostile-articles.js';

// Every hostile string through the ninjs paths of <lede-article> that make players (a video with
// an NITF body, media associations), in a file of its own: WebKitGTK's players get dearer with
// every one its page made (see mediaCostGrows), so they start here in a fresh browser.

describe('hostile input in ninjs media', function () {
  this.timeout(30000);
  hostilePage();

  checkArticlePaths([
    ['a ninjs video with an NITF body and media associations', (vector) => article(ninjsMedia(vector, 'nitf')), undefined, 'media'],
    ['a ninjs video with an HTML body and media associations', (vector) => article(ninjsMedia(vector, 'html')), undefined, 'media'],
  ]);
});
