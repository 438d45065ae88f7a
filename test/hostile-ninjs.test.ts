import '../src/article.js';
import { hostilePage } from './support/hostile.js';
import { article, checkArticlePaths, ninjs1, ninjs2, ninjs3 } from './support/hostile-articles.js';

// Every hostile string through the ninjs text paths of <lede-article> (1, 2 and 3, text and HTML
// bodies), 50 articles to a page; media in hostile-ninjs-media.test.ts, the other formats in
// hostile.test.ts.

describe('hostile input in ninjs', function () {
  this.timeout(30000);
  hostilePage();

  checkArticlePaths([
    ['ninjs 1 with an HTML body', (vector) => article(ninjs1(vector))],
    ['ninjs 2 with a text body', (vector) => article(ninjs2(vector))],
    ['ninjs 3 with an HTML body', (vector) => article(ninjs3(vector, 'text/html'))],
    ['ninjs 3 with a text body', (vector) => article(ninjs3(vector, 'text/plain'))],
  ]);
});
