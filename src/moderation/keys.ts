import type { Action } from './api.js';

/** What a key does in the queue. */
export type Command = { move: 1 | -1 } | { act: Action } | 'toggle' | 'undo' | 'help' | 'open';

/**
 * The shortcuts, in the manner of mail clients: j/k (or the arrows) move, x or Space selects, a/r/d/f
 * act (on the selection when there is one), z undoes, o or Enter opens the comment, ? lists them.
 * Listed here once: the keyboard handler and the `?` dialog both read this table.
 */
export const SHORTCUTS: readonly (readonly [keys: string[], command: Command])[] = [
  [['j', 'ArrowDown'], { move: 1 }],
  [['k', 'ArrowUp'], { move: -1 }],
  [['x', ' '], 'toggle'],
  [['a'], { act: 'approve' }],
  [['r'], { act: 'reject' }],
  [['d'], { act: 'delete' }],
  [['f'], { act: 'feature' }],
  [['z'], 'undo'],
  [['o', 'Enter'], 'open'],
  [['?'], 'help'],
];

/** The command of a key press in the list; none with a modifier (Ctrl+R stays the browser's). */
export function commandOf(event: KeyboardEvent): Command | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return SHORTCUTS.find(([keys]) => keys.includes(event.key))?.[1];
}
