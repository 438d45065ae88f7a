import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Article } from '../model.js';
import { fetchText } from '../shared/fetch.js';
import { parseJson } from '../shared/validate.js';
import { view } from './view.js';

export type SrcTask = Task<readonly [string | undefined, number], Article | undefined>;

/** What the task reads of `<lede-article>`. */
export interface SrcHost extends ReactiveControllerHost, HTMLElement {
  readonly src?: string;
  readonly timeout: number;
}

/**
 * Fetches and reads `src`. It runs only when asked (see `willUpdate`): an idle task would still
 * cost every element a render.
 */
export function articleSrcTask(host: SrcHost, report: (error: unknown) => void, loaded: () => void): SrcTask {
  return new Task(host, {
    task: async ([src, timeout], { signal }) => {
      if (!src) return undefined;
      // The reader loads while the request is in flight.
      void view.load();
      const data = parseJson(await fetchText(src, { signal, timeout, accept: 'application/json, application/ld+json, application/vnd.ninjs+json' }));
      return (await view.load()).readArticleData(data);
    },
    args: () => [host.src, host.timeout] as const,
    autoRun: false,
    onError: (error) => {
      // A superseded request was aborted on purpose; only real failures are reported.
      if (!(error instanceof DOMException && error.name === 'AbortError')) report(error);
    },
    onComplete: (article) => {
      if (article) loaded();
    },
  });
}
