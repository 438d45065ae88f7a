import { css, html, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toLedeError } from '../shared/errors.js';
import { LedeElement } from '../shared/lede-element.js';
import { pageToken } from '../shared/tokens.js';
import { commentCountCss } from './comment-count.layout.js';
import { commentCount } from './counts.js';
import { commentCountMessages } from './messages.js';

/**
 * "12 comments", linking to an article's comments: for index and section pages. Every count on a
 * page is fetched in one request (`GET /api/counts`, split at the server's 100 threads), and
 * reused for 30 seconds. Until the count arrives, and if it cannot be had, the element shows what
 * the page put inside it (the count as the page was rendered, say), in the same reserved space.
 *
 * @summary A thread's comment count, as a link.
 * @tagname lede-comment-count
 *
 * @slot - What shows before the count arrives (and if it cannot be had).
 *
 * @csspart link - The link to the comments.
 *
 * @cssprop --lede-color-link - Link colour.
 * @cssprop --lede-comment-count-size - The space the count is given, before and after it arrives (default 8em).
 *
 * @fires lede-error - The count could not be loaded; the element keeps what the page put inside it.
 */
export class LedeCommentCount extends LedeElement {
  /** @internal */
  static override styles = css`
    ${unsafeCSS(commentCountCss(':host'))}
    a {
      color: ${unsafeCSS(pageToken('color-link'))};
    }
  `;

  /** The thread id: the same as the `thread` of the article's `<lede-comments>`. */
  @property() thread?: string;

  /** Where the reference server's API is, as for `<lede-comments>`. */
  @property() endpoint = '/api';

  /** Where the link goes: the article's comments. */
  @property() href = '#comments';

  @state() private count?: number;
  /** The endpoint and thread the count is for; a change asks again. */
  #asked?: string;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { thread, endpoint } = this;
    const asked = `${endpoint}\n${thread}`;
    if (!thread || asked === this.#asked) return;
    this.#asked = asked;
    this.count = undefined;
    void this.waitFor(
      commentCount(endpoint, thread).then(
        (count) => {
          if (this.#asked === asked) this.count = count;
        },
        (error: unknown) => this.report(toLedeError(error)),
      ),
    );
  }

  override render(): unknown {
    const messages = this.messages(commentCountMessages);
    return this.count === undefined || !messages ? html`<slot></slot>` : html`<a part="link" href=${this.href}>${messages.count({ count: this.count })}</a>`;
  }
}
