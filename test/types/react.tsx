// Type test (tsc only, never run): React 19 JSX accepts every element with its properties,
// attributes and typed `on<event>` handlers, and rejects wrong ones.
import type {} from 'lede-elements/types/react';
import { useRef } from 'react';
import type { LedeArticle, LedeComments, LedeErrorEvent, LedeRelated } from 'lede-elements';
import type { Article, Story } from 'lede-elements/model.js';
import { LocalCommentProvider } from 'lede-elements/comments.js';

/** Stands for whatever the page does with a value. */
declare function use(...values: unknown[]): void;

declare const article: Article;
declare const stories: Story[];

export function Page() {
  const articleRef = useRef<LedeArticle>(null);
  const commentsRef = useRef<LedeComments | null>(null);
  return (
    <lede-article
      ref={articleRef}
      article={article}
      heading-level={1}
      no-reading-time
      on-error="hide"
      theme="dark"
      timeout={5000}
      className="story"
      style={{ '--lede-color-accent': 'teal', maxWidth: '40rem' }}
      onlede-article-load={(event) => use(event.article.headline)}
      onlede-error={(event) => use(event.error.code, event.error.field)}
    >
      <lede-byline slot="byline" credits-text="Reporting by Nidal al-Mughrabi" authors={[{ name: 'Michael Perry' }]} open />
      <p>Body</p>
      <lede-related
        stories={stories}
        max={3}
        layout="carousel"
        heading="More on Gaza"
        current-url="https://example.com/a"
        dates="absolute"
        excerpts
        loading="eager"
        onlede-story-click={(event) => {
          if (event.story.url.startsWith('/')) event.preventDefault();
          use(event.position);
        }}
        onlede-error={(event: LedeErrorEvent) => use(event.error.message)}
      />
      <lede-comments ref={commentsRef} provider={new LocalCommentProvider()} thread="a-1" sort="newest" page-size={20} />
      <lede-comments endpoint="/api" backend="rest" onlede-error={(event) => use(event.error.status)} />
    </lede-article>
  );
}

export function Wrong() {
  const relatedRef = useRef<LedeRelated>(null);
  return (
    <>
      {/* @ts-expect-error heading-level is a number */}
      <lede-article heading-level="one" />
      {/* @ts-expect-error lede-article has no headline attribute */}
      <lede-article headline="Blinken" />
      {/* @ts-expect-error React's onError is its own `error` listener; the property is set as on-error */}
      <lede-article onError="hide" />
      {/* @ts-expect-error a LedeErrorEvent has no story */}
      <lede-article onlede-error={(event) => event.story} />
      {/* @ts-expect-error lede-error is a LedeErrorEvent, not a LedeStoryClickEvent */}
      <lede-related onlede-error={(event: import('lede-elements').LedeStoryClickEvent) => event.position} />
      {/* @ts-expect-error layout is list, grid or carousel */}
      <lede-related layout="masonry" />
      {/* @ts-expect-error a related element is not an article */}
      <lede-article ref={relatedRef} />
      {/* @ts-expect-error credits are { name, roles } with known roles */}
      <lede-byline credits={[{ name: 'Angus MacSwan', roles: ['chef'] }]} />
      {/* @ts-expect-error sort is newest, oldest or top */}
      <lede-comments sort="random" />
    </>
  );
}
