// SolidJS: every Lede element in JSX, with its properties (also as `prop:`), attributes (`attr:`) and
// handlers (`on:lede-error`, `onlede-error`) typed by Lede's event classes.
// Include once: `/// <reference types="lede-elements/types/solid" />`.
import type { JSX } from 'solid-js';
import type { LedeElementTypes } from './elements.js';

/** Solid binds every unprefixed `on…` prop as an event listener, so only the handlers stay; set
 * `on-error` as `attr:on-error`. */
type Settable<Props> = {
  [K in keyof Props as K extends `on${string}` ? (NonNullable<Props[K]> extends (event: never) => unknown ? K : never) : K]: Props[K];
};

type SolidProps<T extends LedeElementTypes[keyof LedeElementTypes]> = Omit<JSX.HTMLAttributes<T['element']>, keyof Settable<T['props'] & T['solidProps']>> &
  Settable<T['props'] & T['solidProps']>;

type LedeSolidElements = { [Tag in keyof LedeElementTypes]: SolidProps<LedeElementTypes[Tag]> };

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends LedeSolidElements {}
  }
}
