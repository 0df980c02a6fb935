import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { CharsetOrigin } from '../model/source.ts';

export type DecodeResult =
  | { ok: true; text: string; charset: string; charsetOrigin: CharsetOrigin }
  | { ok: false; reason: string };

/** The HTML prescan looks at the first 1024 bytes for `<meta charset>` (WHATWG "prescan a byte stream"). */
const PRESCAN_BYTES = 1024;
/**
 * Sample for the binary test. Git looks for NUL in the first 8000 bytes; 64 KiB also gives the
 * control-byte share enough bytes to be stable.
 */
const BINARY_SAMPLE_BYTES = 64 * 1024;
/**
 * Share of C0 control bytes (other than tab, newlines, form feed, escape) above which input is binary.
 * Random data has ~10% of such bytes and text in any ASCII-compatible charset essentially none; 2% sits
 * well between and tolerates a few stray form feeds or bells.
 */
const MAX_CONTROL_SHARE = 0.02;

const BOMS: { bytes: number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

/**
 * Decodes input bytes to text without ever guessing silently.
 * 1. Empty or whitespace-only input is rejected.
 * 2. A byte-order mark decides (UTF-8, UTF-16 LE/BE).
 * 3. Binary input (NUL bytes, many control bytes) is rejected, unless a UTF-16 charset was declared.
 * 4. A declared charset (transport header, else `<meta charset>` / XML declaration in the first
 *    1024 bytes) is used when the bytes are valid in it.
 * 5. Else strict UTF-8; bytes that are mostly UTF-8 with a few invalid sequences are rejected as
 *    broken UTF-8 rather than re-read as another charset (that would be mojibake).
 * 6. Else chardet detects the charset and iconv-lite decodes; a U+FFFD in the result is a rejection.
 */
export function decodeBytes(bytes: Uint8Array, transportCharset?: string): DecodeResult {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) {
    const text = decodeStrict(bytes, bom.charset);
    if (text === undefined) return { ok: false, reason: `invalid ${bom.charset} after its byte-order mark` };
    return withContent(text, bom.charset, 'bom');
  }
  const transport = transportCharset ? canonicalCharset(transportCharset) : undefined;
  if (bytes.length > 0 && !transport?.startsWith('utf-16') && looksBinary(bytes)) {
    return { ok: false, reason: 'binary file' };
  }
  const declared = transport ?? sniffDeclaredCharset(bytes);
  if (declared) {
    const text = decodeStrict(bytes, declared);
    if (text !== undefined) return withContent(text, declared, 'declared');
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return withContent(utf8, 'utf-8', 'default');
  const scan = scanUtf8(bytes);
  if (scan.validMultiByte >= scan.invalid) {
    const count = scan.invalid === 1 ? '1 invalid byte' : `${scan.invalid} invalid bytes`;
    return { ok: false, reason: `invalid UTF-8 at byte ${scan.firstInvalid} (${count})` };
  }
  const detected = chardet.detect(bytes);
  if (!detected || !iconv.encodingExists(detected)) {
    return { ok: false, reason: 'not UTF-8 and no character encoding could be detected' };
  }
  const charset = detected.toLowerCase();
  const text = decodeStrict(bytes, charset);
  if (text === undefined) return { ok: false, reason: `bytes not valid in detected charset ${charset}` };
  return withContent(text, charset, 'detected');
}

function withContent(text: string, charset: string, charsetOrigin: CharsetOrigin): DecodeResult {
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text, charset, charsetOrigin };
}

/** The WHATWG name for a charset label (`latin1` → `windows-1252`), or undefined when unknown. */
function canonicalCharset(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Decodes or returns undefined when a byte is invalid in the charset. Unicode charsets use the
 * built-in fatal TextDecoder; legacy ones use iconv-lite (Node 20's TextDecoder reads windows-1252 as
 * latin-1, turning curly quotes into C1 controls), where a U+FFFD in the output marks an invalid byte.
 */
function decodeStrict(bytes: Uint8Array, charset: string): string | undefined {
  if (!/^utf-(?:8|16)/.test(charset) && iconv.encodingExists(charset)) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
    return text.includes('\uFFFD') ? undefined : text;
  }
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Allowed: tab, LF, VT, FF, CR (whitespace) and ESC (ISO-2022 shift sequences).
    if (byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b) controls++;
  }
  return controls > sample.length * MAX_CONTROL_SHARE;
}

/** `<meta charset>`, `<meta http-equiv content="...; charset=...">` or `<?xml encoding="...">`. */
function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, PRESCAN_BYTES),
  ).toString('latin1');
  const label =
    /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  const charset = label ? canonicalCharset(label) : undefined;
  // An in-document UTF-16 declaration readable as ASCII is false by construction; HTML treats it as UTF-8.
  return charset?.startsWith('utf-16') ? undefined : charset;
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and invalid bytes.
 * 1. Walk the bytes; ASCII bytes are skipped.
 * 2. A lead byte announces 1-3 continuation bytes; if they are all present the sequence is valid
 *    (overlong and surrogate forms are rare enough in practice to count as valid here).
 * 3. Anything else counts one invalid byte; the first one's offset is kept for the message.
 */
function scanUtf8(bytes: Uint8Array): { validMultiByte: number; invalid: number; firstInvalid: number } {
  let validMultiByte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const trailing =
      lead < 0x80 ? 0 : lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : 3;
    const isLead = lead < 0x80 || (lead >= 0xc2 && lead <= 0xf4);
    let complete = isLead;
    for (let k = 1; complete && k <= trailing; k++) {
      const next = bytes[i + k];
      complete = next !== undefined && next >= 0x80 && next <= 0xbf;
    }
    if (!complete) {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    } else {
      if (trailing > 0) validMultiByte++;
      i += trailing + 1;
    }
  }
  return { validMultiByte, invalid, firstInvalid };
}
