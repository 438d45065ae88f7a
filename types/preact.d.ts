// Preact 10 and 11: every Lede element in JSX, with its properties, attributes and `on<event-name>`
// handlers typed by Lede's event classes. Include once: `/// <reference types="lede-elements/types/preact" />`.
import type { HTMLAttributes } from 'preact';
import type { LedeElementTypes } from './elements.js';

/** Preact binds every `on…` prop as an event listener, so only the handlers stay; set `on-error`
 * on the element itself (through a ref). */
type Settable<Props> = {
  [K in keyof Props as K extends `on${string}` ? (NonNullable<Props[K]> extends (event: never) => unknown ? K : never) : K]: Props[K];
};

type PreactProps<T extends LedeElementTypes[keyof LedeElementTypes]> = Omit<HTMLAttributes<T['element']>, keyof Settable<T['props']>> & Settable<T['props']>;

type LedePreactElements = { [Tag in keyof LedeElementTypes]: PreactProps<LedeElementTypes[Tag]> };

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends LedePreactElements {}
  }
}
