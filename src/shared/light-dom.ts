/**
 * Reading an element's server-rendered (light-DOM) children: what the page printed before the
 * element upgraded, and keeps showing after.
 */

/**
 * Unslotted content: an element without `slot` (not a script, template, style or link, nor a Lede
 * element such as comments placed after an article's text), or text that is not blank.
 */
export function isUnslottedContent(node: Node): boolean {
  if (node instanceof Element) return !node.slot && !['SCRIPT', 'TEMPLATE', 'STYLE', 'LINK'].includes(node.tagName) && !node.localName.startsWith('lede-');
  return node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '';
}

/**
 * The text of the host's child in slot `name`, white space collapsed; undefined when there is
 * none or it is blank. Children it places in named slots of its own (a `<lede-byline>`'s credits
 * paragraph) are not part of its text.
 */
export function slotText(host: Element, name: string): string | undefined {
  const child = host.querySelector(`:scope > [slot="${name}"]`);
  if (!child) return undefined;
  const ownNodes = [...child.childNodes].filter((node) => !(node instanceof Element && node.slot));
  return (
    ownNodes
      .map((node) => node.textContent)
      .join('')
      .replace(/\s+/g, ' ')
      .trim() || undefined
  );
}
