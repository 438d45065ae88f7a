import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LedeError } from './errors.js';
import { reportError } from './events.js';
import { LocaleController } from './locale-controller.js';
import type { Catalog, Messages, MessageSource } from './messages.js';

/**
 * What every Lede element shares: the `theme` attribute, the reader's locale, error reporting,
 * and an `updateComplete` that also waits for the parts and languages the element loads on demand.
 *
 * `on-error` and `timeout` stay with the elements that have them: their meaning and defaults
 * differ, and an element without them must not gain the attributes.
 */
export class LedeElement extends LitElement {
  /** Force the light or dark palette; follows the reader's preference when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** @internal What could not be used, for the element's error state; cleared by `report()`. */
  @state() protected error?: LedeError;

  readonly #localeController = new LocaleController(this);
  /** Lazy parts still loading: `updateComplete` waits for them, so their render is part of the update. */
  readonly #loading = new Set<Promise<unknown>>();

  /** @internal The reader's locale: the nearest `lang`, followed when it changes. */
  protected get locale(): string {
    return this.#localeController.locale;
  }

  /** @internal The catalog's messages in the reader's language; undefined the moment that language loads (the element updates when it has). */
  protected messages<T extends MessageSource>(catalog: Catalog<T>): Messages<T> | undefined {
    return this.#localeController.messages(catalog);
  }

  /** @internal Shows a failure and tells the page (a warning and a `lede-error` event); without one, clears the error state. */
  protected report(error?: LedeError): void {
    this.error = error;
    if (error) reportError(this, error);
  }

  /** @internal Makes `updateComplete` wait for `loading` (a lazy module, data being read) and the update it brings. */
  protected waitFor<T>(loading: Promise<T>): Promise<T> {
    this.#loading.add(loading);
    const done = () => void this.#loading.delete(loading);
    loading.then(done, done);
    return loading;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#loading.size > 0 || this.#localeController.loading) {
      await Promise.allSettled([...this.#loading, this.#localeController.loading]);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }
}
