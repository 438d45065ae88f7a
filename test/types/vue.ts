// Type test (tsc only, never run): the component types vue-tsc checks templates against accept
// every element's properties and type its events with Lede's event classes. examples/vue checks
// real templates with vue-tsc (scripts/check-examples.mjs).
import type {} from 'lede-elements/types/vue';
import type { GlobalComponents } from 'vue';
import type { LedeArticleLoadEvent, LedeErrorEvent, LedeStoryClickEvent } from 'lede-elements';
import type { Article } from 'lede-elements/model.js';

type Instance<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>;
type Props<Tag extends keyof GlobalComponents> = Instance<Tag>['$props'];

declare const article: Article;

export const page: Props<'lede-article'> = { article, headingLevel: 2, theme: 'dark', class: 'story' };
export const related: Props<'lede-related'> = { stories: [], layout: 'grid', max: 4 };
export const byline: Props<'lede-byline'> = { authors: [{ name: 'Michael Perry' }], open: true };
export const comments: Props<'lede-comments'> = { endpoint: '/api', sort: 'top' };

declare const articleElement: Instance<'lede-article'>;
declare const relatedElement: Instance<'lede-related'>;
declare const commentsElement: Instance<'lede-comments'>;
declare const bylineElement: Instance<'lede-byline'>;
declare const events: [LedeArticleLoadEvent, LedeErrorEvent, LedeStoryClickEvent];
articleElement.$emit('lede-article-load', events[0]);
articleElement.$emit('lede-error', events[1]);
relatedElement.$emit('lede-story-click', events[2]);
commentsElement.$emit('lede-error', events[1]);
bylineElement.$emit('lede-error', events[1]);

// @ts-expect-error Vue binds onError as its `error` listener, so it is not a property here
export const wrongProp: Props<'lede-article'> = { onError: 'hide' };
// @ts-expect-error layout is list, grid or carousel
export const wrongLayout: Props<'lede-related'> = { layout: 'masonry' };
// @ts-expect-error lede-story-click carries a LedeStoryClickEvent
relatedElement.$emit('lede-story-click', events[1]);
// @ts-expect-error lede-related fires no lede-article-load
relatedElement.$emit('lede-article-load', events[0]);
