/**
 * A feed's bytes as text, in the encoding it names: a byte order mark, then the `Content-Type`
 * charset, then the XML declaration's `encoding` (RFC 7303's order, which browsers follow for
 * XML), else UTF-8. `TextDecoder` knows every encoding the web uses: ISO-8859-1 (read as
 * windows-1252, as browsers do), ISO-8859-2, GB2312 (as GBK), Shift_JIS and the rest.
 * @module
 */
import type { DropLog } from '../../shared/leniency.js';
import { windows1252 } from '../plain-text.js';

const boms: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The `encoding` of an XML declaration at the start (after white space), read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
}

/** The `charset` parameter of a `Content-Type` header. */
const headerCharset = (contentType?: string | null) => contentType && /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];

/**
 * `bytes` decoded by the encoding they name. An encoding no `TextDecoder` knows is noted in `log`
 * and the bytes are read as UTF-8: most of the text survives, and the feed still shows.
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | null | undefined, log: DropLog): string {
  const bom = boms.find(([mark]) => mark.every((byte, index) => bytes[index] === byte));
  const label = bom?.[1] ?? headerCharset(contentType) ?? declaredEncoding(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    log.drop('encoding', `The feed's encoding "${label}" is not one browsers know; it was read as UTF-8.`);
    decoder = new TextDecoder();
  }
  // TextDecoder removes a byte order mark of its own encoding.
  const text = decoder.decode(bytes);
  // Node 20's windows-1252 (which ISO-8859-1 also means) is Latin-1: 0x80–0x9F come out as C1
  // controls, not as “ ” € — and browsers never leave a C1 control in windows-1252 text.
  return decoder.encoding === 'windows-1252' ? text.replace(/[\x80-\x9f]/g, (char) => windows1252[char.charCodeAt(0) - 0x80]!) : text;
}
