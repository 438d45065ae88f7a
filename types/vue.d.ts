// Vue 3.5: every Lede element in templates (checked by vue-tsc), with its properties and its events
// typed by Lede's event classes: `@lede-error="(event) => event.error"`. Vue's own pattern for typed
// custom elements (vuejs.org/guide/extras/web-components, "Web Components and TypeScript").
// Include once: `/// <reference types="lede-elements/types/vue" />`.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { LedeElementTypes } from './elements.js';

/** Vue binds every `on…` prop as an event listener (`on-error` too), so the handlers become events
 * and no property starts with `on`; set `on-error` with `:on-error.attr="'hide'"`. */
type Properties<Props> = { [K in keyof Props as K extends `on${string}` ? never : K]: Props[K] };
type Events<Props> = {
  [K in keyof Props as K extends `on${infer Name}` ? (NonNullable<Props[K]> extends (event: never) => unknown ? Name : never) : never]-?: NonNullable<Props[K]>;
};

type VueElement<T extends LedeElementTypes[keyof LedeElementTypes]> = new () => T['element'] & {
  /** @deprecated For template type checking only: not on the element. */
  $props: HTMLAttributes & Properties<T['props']> & PublicProps;
  /** @deprecated For template type checking only: not on the element. */
  $emit: EmitFn<Events<T['props']>>;
};

type LedeVueElements = { [Tag in keyof LedeElementTypes]: VueElement<LedeElementTypes[Tag]> };

declare module 'vue' {
  interface GlobalComponents extends LedeVueElements {}
}
