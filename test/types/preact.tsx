/** @jsxImportSource preact */
// Type test (tsc only, never run): Preact JSX accepts every element with its properties,
// attributes and typed `on<event>` handlers, and rejects wrong ones.
import type {} from 'lede-elements/types/preact';
import { useRef } from 'preact/hooks';
import type { LedeArticle, LedeRelated } from 'lede-elements';
import type { Article, Story } from 'lede-elements/model.js';

/** Stands for whatever the page does with a value. */
declare function use(...values: unknown[]): void;

declare const article: Article;
declare const stories: Story[];

export function Page() {
  const articleRef = useRef<LedeArticle>(null);
  return (
    <lede-article
      ref={articleRef}
      article={article}
      heading-level={1}
      class="story"
      onlede-article-load={(event) => use(event.article.headline)}
      onlede-error={(event) => use(event.error.code)}
    >
      <lede-byline slot="byline" credits={[{ name: 'Nidal al-Mughrabi', roles: ['reporting'], location: 'Gaza' }]} />
      <lede-related stories={stories} layout="grid" onlede-story-click={(event) => use(event.story.title, event.position)} />
      <lede-comments thread="a-1" backend="local" onlede-error={(event) => use(event.error.message)} />
    </lede-article>
  );
}

export function Wrong() {
  const relatedRef = useRef<LedeRelated>(null);
  return (
    <>
      {/* @ts-expect-error Preact binds every on… prop as a listener: onError is its `error` listener */}
      <lede-article onError="hide" />
      {/* @ts-expect-error a LedeStoryClickEvent has no error */}
      <lede-related onlede-story-click={(event) => event.error} />
      {/* @ts-expect-error max is a number */}
      <lede-related max="3" />
      {/* @ts-expect-error a related element is not an article */}
      <lede-article ref={relatedRef} />
    </>
  );
}
