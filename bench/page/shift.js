// Layout shift on upgrade, run inside a page of server-rendered elements that are not yet defined.
import { frames, loadBundle } from './load.js';

/**
 * Where every element in the page's light DOM starts (its top-left corner), by element.
 * @returns {Map<Element, { x: number, y: number }>}
 */
function corners() {
  const result = new Map();
  for (const element of document.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    result.set(element, { x: rect.left + scrollX, y: rect.top + scrollY });
  }
  return result;
}

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
  await frames(2);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  entries.push(...observer.takeRecords());
  observer.disconnect();

  const after = corners();
  let moved = 0;
  let maxMove = 0;
  for (const [element, start] of before) {
    const end = after.get(element);
    const distance = end ? Math.hypot(end.x - start.x, end.y - start.y) : Number.POSITIVE_INFINITY;
    // Sub-pixel rounding differences are not movement a reader sees.
    if (distance > 0.5) {
      moved += 1;
      maxMove = Math.max(maxMove, distance);
    }
  }

  /** @param {PerformanceEntry[]} list */
  const sum = (list) => list.reduce((total, entry) => total + /** @type {PerformanceEntry & { value: number }} */ (entry).value, 0);
  const isInput = (/** @type {PerformanceEntry} */ entry) => /** @type {PerformanceEntry & { hadRecentInput: boolean }} */ (entry).hadRecentInput;
  const shifts = entries.filter((entry) => !isInput(entry));
  const afterLoad = shifts.filter((entry) => entry.startTime >= start);
  return {
    ...registration,
    value: sum(afterLoad),
    count: afterLoad.length,
    beforeLoad: sum(shifts.filter((entry) => entry.startTime < start)),
    boxes: before.size,
    moved,
    maxMove,
    // Proof the upgrade happened: every instance rendered a shadow tree.
    upgraded: instances.length > 0 && instances.every((element) => (element.shadowRoot?.childElementCount ?? 0) > 0),
  };
}
