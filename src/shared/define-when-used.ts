/**
 * Loads an element's module (which registers it) only once the page has one of it: for elements
 * most pages never use, so a bundle that offers them does not make every page download them. It
 * watches the document's own tree (not shadow roots) until the first one appears.
 */
export function defineWhenUsed(tag: string, load: () => Promise<unknown>): void {
  // A live collection: checking it on each change costs next to nothing.
  const found = document.getElementsByTagName(tag);
  const start = () => {
    observer.disconnect();
    load().catch((error: unknown) => console.warn(`lede: could not load <${tag}>:`, error));
  };
  const observer = new MutationObserver(() => found.length > 0 && start());
  if (found.length > 0) start();
  else observer.observe(document, { childList: true, subtree: true });
}
