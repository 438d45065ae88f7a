// Layout shift on upgrade, run inside a page of server-rendered elements that are not yet defined.
import { frames, loadBundle } from './load.js';

/**
 * The box a light-DOM element shows as: its own, or, for a server-rendered list that
 * `<lede-related>` replaced with cards on upgrade, the card part in its place (the list, the item,
 * the title link), so a reader-visible move of the list still counts.
 * @param {Element} element
 */
function shownBox(element) {
  const host = element.closest('lede-related');
  if (element.getClientRects().length > 0 || !host?.shadowRoot) return element.getBoundingClientRect();
  const item = element.closest('li');
  const list = host.shadowRoot.querySelector('.stories');
  if (!item) return (element.matches('ul, ol') ? list : element)?.getBoundingClientRect() ?? element.getBoundingClientRect();
  const card = list?.children[[...(item.parentElement?.children ?? [])].indexOf(item)];
  const replacement = element === item ? card : card?.querySelector('.title');
  return (replacement ?? element).getBoundingClientRect();
}

/**
 * Where every element in the page's light DOM starts (its top-left corner), by element.
 * @returns {Map<Element, { x: number, y: number }>}
 */
function corners() {
  const result = new Map();
  for (const element of document.body.querySelectorAll('*')) {
    const rect = shownBox(element);
    result.set(element, { x: rect.left + scrollX, y: rect.top + scrollY });
  }
  return result;
}

/**
 * Waits for the page to settle, stops observing, and counts the boxes whose start corner moved
 * more than half a pixel (sub-pixel rounding is not movement a reader sees); a box that is gone
 * counts as moved.
 * @param {PerformanceObserver} observer
 * @param {PerformanceEntry[]} entries Receives the observer's last records.
 * @param {Map<Element, { x: number, y: number }>} before
 * @param {number} settleMs
 */
async function settleAndCompare(observer, entries, before, settleMs) {
  await frames(2);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  entries.push(...observer.takeRecords());
  observer.disconnect();
  const after = corners();
  let moved = 0;
  let maxMove = 0;
  for (const [element, corner] of before) {
    const end = after.get(element);
    const distance = end ? Math.hypot(end.x - corner.x, end.y - corner.y) : Number.POSITIVE_INFINITY;
    if (distance > 0.5) {
      moved += 1;
      maxMove = Math.max(maxMove, distance);
    }
  }
  return { moved, maxMove };
}

/**
 * The layout shifts among `entries` that input did not cause: the ones CLS counts.
 * @param {PerformanceEntry[]} entries
 */
const unprompted = (entries) => entries.filter((entry) => !(/** @type {PerformanceEntry & { hadRecentInput: boolean }} */ (entry).hadRecentInput));

/**
 * The summed score of layout-shift entries.
 * @param {PerformanceEntry[]} shifts
 */
const score = (shifts) => shifts.reduce((total, entry) => total + /** @type {PerformanceEntry & { value: number }} */ (entry).value, 0);

/**
 * Waits until the server-rendered page has been painted, loads the bundle, waits for every element
 * to render and settle, and measures what moved, two ways: the layout-shift entries Chromium
 * reports (what CLS counts in the field), and the start corner of every light-DOM box before and
 * after. The second is needed because the first is blind to the element's own children: they get
 * new layout boxes when they are slotted into the new shadow root, and new boxes never count as
 * shifts, so only content after the element (when in view) shows up in the score.
 * @param {{ bundle: string, elements: { tag: string, className: string }[], settleMs: number }} options
 */
export async function measureUpgradeShift({ bundle, elements, settleMs }) {
  await frames(2);
  const before = corners();
  /** @type {PerformanceEntry[]} */
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  const start = performance.now();

  const registration = await loadBundle(bundle, elements);
  const tags = elements.map(({ tag }) => tag);
  const instances = /** @type {(HTMLElement & { updateComplete?: Promise<unknown> })[]} */ ([...document.querySelectorAll(tags.join(','))]);
  await Promise.all(instances.map((element) => element.updateComplete));
  const { moved, maxMove } = await settleAndCompare(observer, entries, before, settleMs);
  const shifts = unprompted(entries);
  const afterLoad = shifts.filter((entry) => entry.startTime >= start);
  return {
    ...registration,
    value: score(afterLoad),
    count: afterLoad.length,
    beforeLoad: score(shifts.filter((entry) => entry.startTime < start)),
    boxes: before.size,
    moved,
    maxMove,
    // Proof the upgrade happened: every instance rendered a shadow tree.
    upgraded: instances.length > 0 && instances.every((element) => (element.shadowRoot?.childElementCount ?? 0) > 0),
  };
}

/**
 * Layout shift while slow feeds load, after the elements have upgraded and drawn their skeletons
 * (or their server-rendered list): from then until every element shows its feed and has settled.
 * `baseline` instead appends the same number of plain cards to an empty list when the feed
 * arrives, the shift a widget without reserved space causes, proving the measurement can see it.
 * @param {{ bundle: string, elements: { tag: string, className: string }[], settleMs: number, feed: string, baseline: boolean }} options
 */
export async function measureFeedShift({ bundle, elements, settleMs, feed, baseline }) {
  /** @type {PerformanceEntry[]} */
  const entries = [];
  const registration = await loadBundle(bundle, elements);
  const instances = /** @type {(HTMLElement & { updateComplete?: Promise<unknown> })[]} */ ([...document.querySelectorAll('lede-related')]);
  await Promise.all(instances.map((element) => element.updateComplete));
  await frames(2);
  const before = corners();
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'layout-shift' });
  const start = performance.now();
  const shown = () =>
    instances.every((element) => element.shadowRoot?.querySelector('.story:not(.skeleton)') && !element.shadowRoot.querySelector('.skeleton'));
  if (baseline) {
    const stories = await (await fetch(feed)).json();
    for (const list of document.querySelectorAll('ul.baseline')) {
      for (const story of stories.slice(0, 4)) {
        const item = document.createElement('li');
        item.append(Object.assign(document.createElement('a'), { href: story.url, textContent: story.title }));
        list.append(item);
      }
    }
  } else {
    while (!shown() && performance.now() - start < 20000) await frames(1);
  }
  const loadedMs = performance.now() - start;
  const { moved, maxMove } = await settleAndCompare(observer, entries, before, settleMs);
  const value = score(unprompted(entries));
  return { ...registration, value, moved, boxes: before.size, maxMove, loadedMs, loaded: baseline || shown() };
}
