// Svelte 5: every Lede element in markup (checked by svelte-check), with its properties, attributes
// and `on<event-name>` handlers typed by Lede's event classes.
// Include once: `/// <reference types="lede-elements/types/svelte" />`.
import type { HTMLAttributes } from 'svelte/elements';
import type { LedeElementTypes } from './elements.js';

/** Svelte reads an `on…` attribute holding an expression as an event listener (`onError={…}`
 * listens for `error`): camel-cased `on…` properties are left out, and `on-error` takes a plain
 * value (`on-error="hide"`). */
type Settable<Props> = {
  [K in keyof Props as K extends `on${infer Rest}` ? (Rest extends Uncapitalize<Rest> ? K : never) : K]: Props[K];
};

type SvelteProps<T extends LedeElementTypes[keyof LedeElementTypes]> = Omit<HTMLAttributes<T['element']>, keyof Settable<T['props']>> &
  Settable<T['props']>;

type LedeSvelteElements = { [Tag in keyof LedeElementTypes]: SvelteProps<LedeElementTypes[Tag]> };

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends LedeSvelteElements {}
}
