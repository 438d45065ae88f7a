// Loads the CDN bundle in a bench page and reports which elements it registered. An element the
// bundle exports but failed to register is defined here from its export so the other figures can
// still be measured; the bench reports the failure itself. Elements the bundle registers only once
// a page has one (<lede-comment-count>) are given one, and a moment to load.

/**
 * @param {string} url The bundle's URL.
 * @param {{ tag: string, className: string }[]} elements Every element the bundle must register.
 * @returns {Promise<{ registered: string[], missing: string[] }>}
 */
export async function loadBundle(url, elements) {
  const bundle = await import(url);
  await Promise.all(
    elements
      .filter(({ tag }) => !customElements.get(tag))
      .map(async ({ tag }) => {
        const used = document.body.appendChild(document.createElement(tag));
        await Promise.race([customElements.whenDefined(tag), new Promise((resolve) => setTimeout(resolve, 3000))]);
        used.remove();
      }),
  );
  const registered = elements.filter(({ tag }) => customElements.get(tag)).map(({ tag }) => tag);
  const missing = elements.filter(({ tag }) => !customElements.get(tag));
  for (const { tag, className } of missing) {
    if (typeof bundle[className] === 'function') customElements.define(tag, bundle[className]);
  }
  return { registered, missing: missing.map(({ tag }) => tag) };
}

/**
 * Resolves after `count` animation frames, so what came before has been styled, laid out and painted.
 * @param {number} count
 */
export async function frames(count) {
  for (let index = 0; index < count; index += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * Waits for an element whose content arrives a few updates after the first (a provider or a
 * request answers, then it renders): until `selector` matches in its shadow root, 20 updates at most.
 * @param {HTMLElement} element
 * @param {string} selector
 */
export async function untilShown(element, selector) {
  const lit = /** @type {HTMLElement & { updateComplete: Promise<unknown> }} */ (element);
  for (let index = 0; index < 20 && !lit.shadowRoot?.querySelector(selector); index += 1) {
    await lit.updateComplete;
    await null;
  }
}
