/**
 * Whether `value`, found in a text node under `part`, shows in its own left-to-right order: its
 * last character to the right of its first. Unisolated in right-to-left text, a closing quote or
 * full stop jumps to the left end instead. A message when the text is not there.
 */
export function keepsLtrOrder(part: Node, value: string): boolean | string {
  const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const start = node.data.indexOf(value);
    if (start < 0) continue;
    const box = (offset: number) => {
      const range = document.createRange();
      range.setStart(node, start + offset);
      range.setEnd(node, start + offset + 1);
      return range.getBoundingClientRect();
    };
    return box(value.length - 1).left > box(0).left;
  }
  return `${value} not found`;
}
