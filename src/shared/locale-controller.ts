import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { canonicalLocale } from './format.js';
import type { Catalog, MessageSource, Messages } from './messages.js';

/** The language of an element: its nearest `lang`, across shadow roots, then the page's, then the browser's. */
export function resolveLocale(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return canonicalLocale(lang);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return canonicalLocale(globalThis.navigator?.language);
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/**
 * One observer for the whole page: every element re-checks its locale when any `lang` or `dir`
 * changes. It stays once made, so elements coming and going do not each build a new one.
 */
function watchLanguageChanges(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
  }
  return () => listeners.delete(listener);
}

/**
 * Keeps a host's `locale` in step with the nearest `lang` attribute, so dates, lists, numbers and
 * messages follow the page when it switches language, and loads the messages of its language.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private stopWatching?: () => void;
  /** The current BCP 47 locale. */
  locale = 'en';
  /** Catalogs being loaded for the host, and for which locale; it updates as each arrives. */
  private readonly loads = new Map<object, { locale: string; done: Promise<unknown> }>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.locale = resolveLocale(this.host);
    this.stopWatching = watchLanguageChanges(() => {
      const next = resolveLocale(this.host);
      if (next !== this.locale) {
        this.locale = next;
        this.host.requestUpdate();
      }
    });
  }

  /**
   * The messages of `catalog` in the host's language, or undefined the moment its language is
   * loading: the host updates once it has.
   */
  messages<T extends MessageSource>(catalog: Catalog<T>): Messages<T> | undefined {
    const { locale, loads } = this;
    const messages = catalog.get(locale);
    if (!messages && loads.get(catalog)?.locale !== locale) {
      const done = catalog.load(locale).finally(() => {
        if (loads.get(catalog)?.done === done) loads.delete(catalog);
        this.host.requestUpdate();
      });
      loads.set(catalog, { locale, done });
    }
    return messages;
  }

  /** Settles once the languages asked for have loaded, for the host's `updateComplete`; undefined when none is loading. */
  get loading(): Promise<unknown> | undefined {
    return this.loads.size ? Promise.all([...this.loads.values()].map((load) => load.done)) : undefined;
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }
}
