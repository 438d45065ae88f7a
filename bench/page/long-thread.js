// The longest main-thread task while a long comment thread loads, inside the bench page.
import { stubProvider } from './render.js';

/**
 * Watches the main thread from a chain of zero-delay message callbacks: the longest gap between two
 * of them is the longest task that ran (Chromium's `longtask` entries, also collected, only report
 * tasks over 50 ms).
 */
function watchMainThread() {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let running = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  /** @type {number[]} */
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  return () => {
    running = false;
    observer.disconnect();
    return { longest, longTasks };
  };
}

/**
 * @param {{ count: number, plain: boolean }} options `plain` builds the same rows as plain DOM in one
 *   task: the baseline that shows the measurement sees a long task when there is one.
 */
export async function measureLongThread({ count, plain }) {
  const comments = Array.from({ length: count }, (_, index) => ({
    id: `c${index}`,
    threadId: 'long',
    parentId: null,
    author: { name: `Reader ${index}` },
    body: `Comment number ${index}, with a sentence or two of text as comments have.\n\nAnd a second paragraph.`,
    createdAt: new Date(Date.now() - index * 60_000).toISOString(),
    editedAt: null,
    status: 'published',
    score: index % 7,
    replyCount: 0,
  }));
  const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const stop = watchMainThread();
  const start = performance.now();
  let rendered = 0;
  let shownAfter = 0;
  if (plain) {
    const root = document.createElement('section');
    for (const comment of comments) {
      const article = document.createElement('article');
      const name = document.createElement('strong');
      name.textContent = comment.author.name;
      const body = document.createElement('p');
      body.textContent = comment.body;
      article.append(name, body);
      root.append(article);
    }
    stage.append(root);
    root.getBoundingClientRect();
    rendered = root.querySelectorAll('article').length;
  } else {
    const element = /** @type {HTMLElement & { provider: unknown }} */ (document.createElement('lede-comments'));
    element.setAttribute('thread', 'long');
    element.provider = stubProvider(comments);
    stage.append(element);
    // Loading: until the first rows are shown, then a second more in which nothing may block
    // either. Rows further down render as the reader scrolls to them (the browser tests cover it).
    while (!element.shadowRoot?.querySelector('article') && performance.now() - start < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    shownAfter = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    rendered = element.shadowRoot?.querySelectorAll('article.comment').length ?? 0;
  }
  const elapsed = shownAfter || performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 50));
  const { longest, longTasks } = stop();
  stage.replaceChildren();
  return { longest, longTasks, elapsed, rendered };
}
