// Type test (tsc only, never run): Svelte 5's element attribute types (what svelte-check checks
// markup against) accept every element with its properties, attributes and typed `on<event>`
// handlers, and reject wrong ones.
import type {} from 'lede-elements/types/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { Article, Story } from 'lede-elements/model.js';

/** Stands for whatever the page does with a value. */
declare function use(...values: unknown[]): void;

declare const article: Article;
declare const stories: Story[];

export const page: SvelteHTMLElements['lede-article'] = {
  article,
  'heading-level': 2,
  class: 'story',
  style: '--lede-color-accent: teal',
  'onlede-article-load': (event) => use(event.article.headline),
  'onlede-error': (event) => use(event.error.code),
};
export const byline: SvelteHTMLElements['lede-byline'] = { 'credits-text': 'Reporting by Nidal al-Mughrabi', open: true };
export const related: SvelteHTMLElements['lede-related'] = {
  stories,
  layout: 'list',
  'onlede-story-click': (event) => use(event.story.url, event.position),
};
export const comments: SvelteHTMLElements['lede-comments'] = { thread: 'a-1', 'page-size': 10, 'onlede-error': (event) => event.error };

export const wrong: SvelteHTMLElements['lede-related'][] = [
  // @ts-expect-error Svelte binds onError={…} as its `error` listener
  { onError: 'hide' },
  // @ts-expect-error Svelte binds every on… attribute as a listener; on-error="hide" does not compile
  { 'on-error': 'hide' },
  // @ts-expect-error a LedeStoryClickEvent has no error
  { 'onlede-story-click': (event) => event.error },
  // @ts-expect-error dates are relative or absolute
  { dates: 'yesterday' },
];
