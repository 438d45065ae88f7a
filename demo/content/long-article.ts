import type { Article, ArticleBlock } from '../../src/model.js';

const sentences = [
  'The committee met again on Tuesday to review the figures.',
  'Officials said the numbers would be published in full next month.',
  'Residents queued from early morning, many carrying folding chairs.',
  'The proposal has drawn support from an unusually broad coalition.',
  'Critics argue that the timetable leaves too little room for scrutiny.',
  'A spokesperson declined to comment on the leaked draft.',
  'Independent analysts expect the debate to run well into the spring.',
];

/** One paragraph of filler text, different from its neighbours. */
function paragraph(index: number): string {
  const first = sentences[index % sentences.length];
  const second = sentences[(index * 3 + 1) % sentences.length];
  return `Paragraph ${index + 1}. ${first} ${second}`;
}

/**
 * A generated article with `paragraphs` paragraphs and a subheading every hundred, for checking
 * how the element copes with very long bodies (rendering time, reading time, scrolling).
 */
export function longArticle(paragraphs: number): Article {
  const body: ArticleBlock[] = [];
  for (let index = 0; index < paragraphs; index++) {
    if (index > 0 && index % 100 === 0) body.push({ type: 'heading', level: 2, text: `Part ${index / 100 + 1}` });
    body.push({ type: 'paragraph', text: paragraph(index) });
  }
  return {
    kicker: 'Stress test',
    headline: `A generated article of ${paragraphs.toLocaleString('en')} paragraphs`,
    dek: 'Filler text, repeated with variations, to test long bodies.',
    byline: 'the Lede demo',
    datePublished: '2024-01-15',
    language: 'en',
    body,
  };
}
