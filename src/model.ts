/**
 * Lede's data model: the shapes every element reads and every parser writes.
 *
 * The fields follow schema.org `NewsArticle` (names and meaning) and IPTC ninjs (the
 * wire-service view), so an `Article` maps to and from both without loss of the parts a
 * reader sees. Dates are ISO 8601 strings: a date (`2023-11-03`) or a date-time with an
 * offset (`2023-11-03T09:15:00Z`).
 *
 * This module holds types only; importing it costs no bytes.
 * @module
 */

/** An image with the facts needed to reserve its space and describe it. */
export interface ImageRef {
  /** Absolute or page-relative URL; only `http:` and `https:` URLs are ever rendered. */
  url: string;
  /** Text alternative. An empty string marks the image as decorative. */
  alt?: string;
  /** Intrinsic width in CSS pixels, used to reserve the aspect ratio before load. */
  width?: number;
  /** Intrinsic height in CSS pixels. */
  height?: number;
}

/** An organisation: a publisher, a news agency, a newsroom. schema.org `Organization`. */
export interface Organization {
  name: string;
  url?: string;
  logo?: ImageRef;
}

/** A person credited on a story. schema.org `Person`; ninjs `people[]`/`by`. */
export interface Person {
  name: string;
  /** Profile page. */
  url?: string;
  /** Portrait, shown as an avatar. */
  image?: ImageRef;
  /** Job title as printed ("Senior correspondent"). schema.org `jobTitle`. */
  jobTitle?: string;
  /** Where the person reported from ("Gaza"). */
  location?: string;
}

/**
 * What a contributor did on a story, as wire-service credit lines name it.
 * `author` is the by-lined author; the rest map to schema.org `contributor` or `editor`.
 */
export type CreditRole =
  | 'author'
  | 'reporting'
  | 'additional-reporting'
  | 'writing'
  | 'editing'
  | 'compiling'
  | 'contributing'
  | 'photography'
  | 'graphics'
  | 'video'
  | 'research'
  | 'translation';

/** One contributor with every role they had, in order of first mention. */
export interface Credit {
  name: string;
  roles: CreditRole[];
  /** Where they reported from, as credited ("Jerusalem", "Washington, D.C."). */
  location?: string;
  /** `organization` for credits to a body (a news agency, a bureau); people by default. */
  kind?: 'person' | 'organization';
}

/** A paragraph of running text. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

/** A subheading inside the body. The article headline is level 1, so these start at 2. */
export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3 | 4;
  text: string;
}

/** A block quotation, optionally attributed. */
export interface QuoteBlock {
  type: 'quote';
  text: string;
  /** Who said or wrote it. */
  cite?: string;
}

/** An image with its caption and credit. schema.org `ImageObject`; ninjs association. */
export interface FigureBlock {
  type: 'figure';
  image: ImageRef;
  caption?: string;
  /** Photographer or agency ("Reuters/Jane Doe"). */
  credit?: string;
}

/** A bulleted or numbered list. */
export interface ListBlock {
  type: 'list';
  ordered?: boolean;
  items: string[];
}

/** A video or audio clip with its caption and credit. ninjs video and audio renditions; NITF `media`. */
export interface MediaBlock {
  type: 'media';
  kind: 'video' | 'audio';
  /** The clip's URL; only `http:` and `https:` URLs are ever played. */
  url: string;
  /** A still shown before a video plays. */
  poster?: ImageRef;
  /** Intrinsic size of a video in CSS pixels, used to reserve its aspect ratio. */
  width?: number;
  height?: number;
  caption?: string;
  credit?: string;
}

/** One block of an article body. Text is always text: it is never parsed as HTML. */
export type ArticleBlock = ParagraphBlock | HeadingBlock | QuoteBlock | FigureBlock | ListBlock | MediaBlock;

/**
 * A news article. schema.org `NewsArticle` / ninjs item, reduced to what a page shows.
 *
 * The body is either structured `body` blocks or `bodyHtml`; when both are set `body` wins.
 * `bodyHtml` is sanitized before it reaches the page.
 */
export interface Article {
  /** Stable identifier (ninjs `uri`, schema.org `@id`). Also the default comment thread id. */
  id?: string;
  /** Canonical URL of the article page. */
  url?: string;
  /** The label above the headline ("LATEST DEVELOPMENTS"). */
  kicker?: string;
  headline: string;
  /** A second title, such as the page title when it differs. schema.org `alternativeHeadline`. */
  alternativeHeadline?: string;
  /** The standfirst or summary under the headline. schema.org `description`. */
  dek?: string;
  /** Free-text byline as printed, without the leading "By" ("time news"). ninjs `by`. */
  byline?: string;
  /** The by-lined authors. */
  authors?: Person[];
  /** All contributors with their roles, as parsed from the credits line. */
  credits?: Credit[];
  /** The credits paragraph as printed, for `parseCredits` to read. */
  creditsText?: string;
  /** Where the story was filed from ("GAZA", "WASHINGTON"). schema.org `dateline`; ninjs `located`. */
  dateline?: string;
  datePublished?: string;
  dateModified?: string;
  /** Section or desk ("World"). schema.org `articleSection`. */
  section?: string;
  keywords?: string[];
  /** BCP 47 language tag of the article's text. */
  language?: string;
  /** Lead image. */
  image?: ImageRef;
  publisher?: Organization;
  body?: ArticleBlock[];
  /** The body as HTML, from a CMS or feed. Sanitized before it is inserted. */
  bodyHtml?: string;
}

/** A teaser for another story: what "You may also like" lists. */
export interface Story {
  url: string;
  title: string;
  kicker?: string;
  section?: string;
  image?: ImageRef;
  datePublished?: string;
  excerpt?: string;
  author?: string;
}

/**
 * Comments as the reference server returns them (`Comment`, its `CommentAuthor` and
 * `CommentStatus`): the comment protocol's wire types, defined with their JSON schemas in
 * `lede-protocol`, the package `lede-elements` and `lede-server` share.
 */
export type { Comment, CommentAuthor, CommentStatus } from 'lede-protocol';
