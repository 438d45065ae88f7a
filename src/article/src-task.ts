import type { ReactiveControllerHost } from 'lit';
import type { Article } from '../model.js';
import { fetchText } from '../shared/fetch.js';
import { LatestRun } from '../shared/latest-run.js';
import { parseJson } from '../shared/validate.js';
import { view } from './view.js';

export type SrcTask = LatestRun<Article | undefined>;

/** What the task reads of `<lede-article>`. */
export interface SrcHost extends ReactiveControllerHost, HTMLElement {
  readonly src?: string;
  readonly timeout: number;
}

/** Fetches and reads `src` when run (see `willUpdate`); a newer run supersedes the one before. */
export function articleSrcTask(host: SrcHost, report: (error: unknown) => void, loaded: () => void): SrcTask {
  return new LatestRun(host, {
    task: async (signal) => {
      const { src, timeout } = host;
      if (!src) return undefined;
      // The reader loads while the request is in flight.
      void view.load();
      const data = parseJson(await fetchText(src, { signal, timeout, accept: 'application/json, application/ld+json, application/vnd.ninjs+json' }));
      return (await view.load()).readArticleData(data);
    },
    onError: report,
    onComplete: (article) => {
      if (article) loaded();
    },
  });
}
