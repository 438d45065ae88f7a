/**
 * Returns the URL as an absolute `http:`/`https:` URL string, or undefined for anything else
 * (`javascript:`, `data:`, `vbscript:`, unparseable). Relative URLs resolve against `base`.
 * Data never decides which scheme a link or image gets.
 */
export function safeUrl(url: unknown, base?: string): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  try {
    const resolved = new URL(url.trim(), base ?? globalThis.document?.baseURI ?? 'http://invalid.invalid/');
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
