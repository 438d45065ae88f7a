import type { Article } from '../model.js';
import { LazyModule } from '../shared/lazy-module.js';

export type ArticleView = typeof import('./article-view.js');

/** The data path: once loaded, data is read and rendered synchronously. */
export const view = new LazyModule(() => import('./article-view.js'));

/**
 * Reads data of any format: synchronously once the data path has loaded (it starts loading when a
 * childless element connects). `wait` holds the element's update until what must load first has.
 */
export function readData(data: unknown, wait: (loading: Promise<unknown>) => void, done: (article: Article) => void, fail: (error: unknown) => void): void {
  const read = ({ readArticleData }: ArticleView) => {
    const result = readArticleData(data);
    if (result instanceof Promise) wait(result.then(done, fail));
    else done(result);
  };
  try {
    if (view.value) read(view.value);
    else wait(view.load().then(read).catch(fail));
  } catch (error) {
    fail(error);
  }
}
