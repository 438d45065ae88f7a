import type { ReactiveControllerHost } from 'lit';
import { toLedeError, type LedeError } from '../shared/errors.js';
import { sanitizeHtml } from '../shared/sanitize.js';

/** An article's HTML body, sanitized once per distinct source and kept as the nodes to insert. */
export class SanitizedBody {
  /** The sanitized body, once ready. */
  nodes?: Node[];
  /** A body is being sanitized: the JSON-LD waits for its text rather than being written twice. */
  pending = false;
  #source?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly report: (error: LedeError) => void,
  ) {}

  /**
   * Shows `source` (nothing when undefined), sanitizing it unless it is already shown. With
   * `eagerImage`, the body's first picture is the article's first: loaded at once, ahead of the rest.
   */
  sync(source: string | undefined, eagerImage: () => boolean): void {
    if (source === this.#source) return;
    this.#source = source;
    this.pending = Boolean(source);
    if (!source) return this.#show(undefined);
    const current = () => this.#source === source;
    sanitizeHtml(source).then(
      (element) => {
        if (!current()) return;
        this.pending = false;
        const first = eagerImage() ? element.querySelector('img') : null;
        if (first) {
          first.loading = 'eager';
          first.setAttribute('fetchpriority', 'high');
        }
        this.#show([...element.childNodes]);
      },
      (error: unknown) => {
        if (current()) {
          this.pending = false;
          // The previous article's body must not stay under this one's headline.
          this.#show(undefined);
        }
        this.report(toLedeError(error, 'invalid-data'));
      },
    );
  }

  #show(nodes: Node[] | undefined): void {
    if (nodes === this.nodes) return;
    this.nodes = nodes;
    this.host.requestUpdate();
  }
}
