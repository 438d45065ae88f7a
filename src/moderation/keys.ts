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
function commandOf(event: KeyboardEvent): Command | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return SHORTCUTS.find(([keys]) => keys.includes(event.key))?.[1];
}

/**
 * The command of a key press anywhere in the console: none in fields, dialogs and the tabs (their
 * keys are theirs), and Space, Enter and the arrows only on a comment of the list.
 */
export function shortcutOf(event: KeyboardEvent): Command | undefined {
  const target = event.composedPath()[0] as Element;
  if (target.closest('input, select, textarea, dialog, [role="tablist"]')) return undefined;
  const command = commandOf(event);
  return command && (target.getAttribute('role') === 'option' || !/^( |Enter|Arrow.*)$/.test(event.key)) ? command : undefined;
}
