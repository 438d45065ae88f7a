// Svelte 5: every Lede element in markup (checked by svelte-check), with its properties, attributes
// and `on<event-name>` handlers typed by Lede's event classes.
// Include once: `/// <reference types="lede-elements/types/svelte" />`.
import type { HTMLAttributes } from 'svelte/elements';
import type { LedeElementTypes } from './elements.js';

/** Svelte binds every `on…` attribute as an event listener (`on-error="hide"` does not compile),
 * so only the handlers stay; set `onError` on the element itself (`bind:this`). */
type Settable<Props> = {
  [K in keyof Props as K extends `on${string}` ? (NonNullable<Props[K]> extends (event: never) => unknown ? K : never) : K]: Props[K];
};

type SvelteProps<T extends LedeElementTypes[keyof LedeElementTypes]> = Omit<HTMLAttributes<T['element']>, keyof Settable<T['props']>> & Settable<T['props']>;

type LedeSvelteElements = { [Tag in keyof LedeElementTypes]: SvelteProps<LedeElementTypes[Tag]> };

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends LedeSvelteElements {}
}
