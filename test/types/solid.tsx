/** @jsxImportSource solid-js */
// Type test (tsc only, never run): SolidJS JSX accepts every element with its properties
// (plain and `prop:`), attributes (`attr:`) and typed handlers, and rejects wrong ones.
import type {} from 'lede-elements/types/solid';
import type { LedeArticle } from 'lede-elements';
import type { Article, Story } from 'lede-elements/model.js';

/** Stands for whatever the page does with a value. */
declare function use(...values: unknown[]): void;

declare const article: Article;
declare const stories: Story[];

export function Page() {
  let articleElement: LedeArticle | undefined;
  return (
    <lede-article
      ref={articleElement}
      prop:article={article}
      attr:on-error="hide"
      heading-level={2}
      on:lede-article-load={(event) => use(event.article.headline)}
      onlede-error={(event) => use(event.error.code)}
    >
      <lede-byline slot="byline" prop:authors={[{ name: 'Michael Perry' }]} />
      <lede-related stories={stories} on:lede-story-click={(event) => use(event.story.url)} />
      <lede-comments endpoint="/api" on:lede-error={(event) => use(event.error.status)} />
    </lede-article>
  );
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error Solid binds a plain onError as a listener for "error" */}
      <lede-article onError="hide" />
      {/* @ts-expect-error a LedeErrorEvent has no article */}
      <lede-article on:lede-error={(event) => event.article} />
      {/* @ts-expect-error theme is light or dark */}
      <lede-related prop:theme="sepia" />
    </>
  );
}
