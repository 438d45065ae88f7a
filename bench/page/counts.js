// <lede-comment-count> on an index page: 100 counts, created in one task, against one plain fetch
// of the same counts written into 100 spans. Runs in the bench page, after the CDN bundle loaded.

/**
 * @param {{ count: number, round: number, plain: boolean }} options
 * @returns {Promise<{ elapsed: number, requests: number, shown: number, text: string }>}
 */
export async function measureCounts({ count, round, plain }) {
  const stage = document.getElementById('stage');
  stage.replaceChildren();
  performance.clearResourceTimings();
  const threads = Array.from({ length: count }, (_, index) => `bench-${round}-${plain ? 'plain' : 'element'}-${index}`);
  const start = performance.now();
  let items;
  if (plain) {
    items = threads.map(() => stage.appendChild(document.createElement('p')).appendChild(document.createElement('span')));
    const counts = await (await fetch(`/api/counts?${new URLSearchParams(threads.map((thread) => ['thread', thread]))}`)).json();
    threads.forEach((thread, index) => (items[index].textContent = `${counts[thread]} comments`));
  } else {
    items = threads.map((thread) => {
      const element = document.createElement('lede-comment-count');
      element.setAttribute('thread', thread);
      return stage.appendChild(document.createElement('p')).appendChild(element);
    });
    // The CDN bundle loads the element's code once the page has one: the first round includes that.
    await customElements.whenDefined('lede-comment-count');
    await Promise.all(items.map((element) => element.updateComplete));
  }
  document.body.getBoundingClientRect();
  const elapsed = performance.now() - start;
  const text = (item) => (plain ? item.textContent : (item.shadowRoot?.querySelector('a')?.textContent ?? ''));
  return {
    elapsed,
    requests: performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/counts?')).length,
    shown: items.filter((item) => text(item)).length,
    text: text(items[0]),
  };
}
