// React 19: every Lede element in JSX, with its properties, attributes and `on<event-name>`
// handlers typed by Lede's event classes. Include once: `/// <reference types="lede-elements/types/react" />`.
import type { ClassAttributes, HTMLAttributes } from 'react';
import type { CustomCssProperties, LedeElementTypes } from './elements.js';

/** React reads `on` + a capital letter as its own event props (`onError` listens for `error`), so
 * a property named like that cannot be set from JSX; its attribute (`on-error`) can. */
type Settable<Props> = {
  [K in keyof Props as K extends `on${infer Rest}` ? (Rest extends Uncapitalize<Rest> ? K : never) : K]: Props[K];
};

/** As React types its own elements (`DetailedHTMLProps`), the element's props winning over HTML's. */
type ReactProps<T extends LedeElementTypes[keyof LedeElementTypes]> = ClassAttributes<T['element']> &
  Omit<HTMLAttributes<T['element']>, keyof Settable<T['props']>> &
  Settable<T['props']>;

type LedeReactElements = { [Tag in keyof LedeElementTypes]: ReactProps<LedeElementTypes[Tag]> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends LedeReactElements {}
  }
  /** `style={{ '--lede-color-accent': 'teal' }}` */
  interface CSSProperties extends CustomCssProperties {}
}
