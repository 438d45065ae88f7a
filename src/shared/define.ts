/**
 * Registers a custom element once. Pages often load a component twice (a CDN bundle and an npm
 * import, two widgets bundling Lede): the second registration must not throw into the page.
 * @returns whether this call registered the tag.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): boolean {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(`lede: <${tag}> is already defined by another script; keeping the first definition.`);
    }
    return false;
  }
  try {
    customElements.define(tag, constructor);
    return true;
  } catch (error) {
    // The same constructor registered under another name, or an invalid name.
    console.warn(`lede: could not define <${tag}>:`, error);
    return false;
  }
}
