/**
 * Page chrome markers ("Related Articles", "© 2024 Foo") and credits lines: the line tests the
 * header, chrome and credits stages share.
 * @module
 */

/** Where a chrome marker may cut: `strong` markers end the article even if prose follows them. */
export type ChromeStrength = 'strong' | 'weak';

/** Chrome ("Related Articles", "© 2024 Foo") is always short. */
export const MAX_CHROME_LENGTH = 300;
/** Credits are a sentence or three; a longer paragraph is prose that happens to start alike. */
const MAX_CREDITS_LENGTH = 1500;

/**
 * Chrome that ends the article: nothing after it is article text, even prose (comments,
 * teaser excerpts). Matched against a whole line.
 */
const STRONG_CHROME = [
  /^you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in):?$/i,
  /^(?:leave|post|add|write) a (?:comment|reply):?$/i,
  /^(?:comments? \(\d+\)|\d+ comments?|(?:show|view|read|see|load) (?:all )?(?:\d+ )?comments|join the (?:conversation|discussion)):?$/i,
  /^related (?:articles|stories|posts|news|content|coverage|reading|links|topics):?$/i,
  /^more (?:stories|news|articles|from \S.{0,60}|on \S.{0,60}|in \S.{0,60})$/i,
  /^(?:most (?:popular|read|viewed|shared)|recommended (?:for you|stories|articles|reading)|trending (?:now|stories|articles)|(?:what to )?read next|up next):?$/i,
];

/**
 * Chrome that ends the article only when no prose follows it. One-word labels such as
 * "Comments" are here because a real subheading could read the same.
 */
const WEAK_CHROME = [
  /^(?:comments?|related|recommended|trending|popular):?$/i,
  /^(?:read (?:more|also|next)|also read|see also|related:)(?:\W.{0,150})?$/i,
  /^share(?: (?:this|the) (?:article|story|post|page|video))?(?: (?:on|via) [\w ,+&]{1,40})?:?$/i,
  /^share: [^.!?]{1,80}$/i,
  /^(?:subscribe|sign up)\b[^.?]{0,100}$/i,
  /^(?:subscribe|sign up)\b.{0,100}\bnewsletters?\b.{0,40}$/i,
  /^follow us\b.{0,80}$/i,
  /^(?:tags?|topics|filed under|categories):.{0,300}$/i,
  /^tags?$/i,
  /^(?:copyright\b|©|\(c\) ?\d{4})/i,
  /\ball rights reserved\.?$/i,
  /^our standards:/i,
];

/** Whether a line is a chrome marker, and how firmly it ends the article. */
export function chromeStrength(line: string): ChromeStrength | undefined {
  if (line.length > MAX_CHROME_LENGTH) return undefined;
  if (STRONG_CHROME.some((pattern) => pattern.test(line))) return 'strong';
  if (WEAK_CHROME.some((pattern) => pattern.test(line))) return 'weak';
  return undefined;
}

const CREDITS_PATTERNS = [
  // "(Reporting by …; Editing by …)", "Additional reporting by …", "Writing and editing by …"
  /^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|compiling|research|photography|graphics|video|translation|translated|produced|written|edited)(?: and \w+)? by\b/i,
  // "This article includes reporting from …", "This story was compiled by …"
  /^\(?this (?:article|story|report)\b.{0,60}?\b(?:reporting|reported|written|edited|compiled|contributions?|contributed)\b/i,
  /^\(?contributing to this (?:report|story|article)\b/i,
  // "Associated Press writers A and B contributed to this report."
  /\bcontributed (?:to this (?:report|story|article)|reporting\b.{0,200})\.?\)?$/i,
];

export function isCreditsText(text: string): boolean {
  return text.length <= MAX_CREDITS_LENGTH && CREDITS_PATTERNS.some((pattern) => pattern.test(text));
}
