/**
 * Bytes → text. Staff export from Excel on Chinese Windows (GB18030/GBK), from Excel's
 * "Unicode text" (UTF-16 with BOM, tab-separated) or from anything else (UTF-8, with or
 * without BOM). The encoding is decided by the BOM, then by which decoder accepts every byte.
 */

export type Encoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; reason: 'empty' | 'binary' | 'unknown-encoding' };

function decodeStrict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Control characters other than tab, LF and CR do not occur in a table exported as text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BINARY_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  let text: string | undefined;
  let encoding: Encoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'UTF-8 (BOM)';
    text = decodeStrict('utf-8', bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'UTF-16LE';
    text = decodeStrict('utf-16le', bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'UTF-16BE';
    text = decodeStrict('utf-16be', bytes.subarray(2));
  } else if (bytes.includes(0)) {
    return { ok: false, reason: 'binary' };
  } else {
    text = decodeStrict('utf-8', bytes);
    encoding = 'UTF-8';
    if (text === undefined) {
      text = decodeStrict('gb18030', bytes);
      encoding = 'GB18030';
    }
  }
  if (text === undefined) return { ok: false, reason: 'unknown-encoding' };
  if (BINARY_CHARS.test(text)) return { ok: false, reason: 'binary' };
  return { ok: true, text, encoding };
}
