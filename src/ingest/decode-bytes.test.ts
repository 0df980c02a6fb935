import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBytes } from './decode-bytes.ts';

const CURLY = 'The council said \u201cthe bridge reopens in May\u201d after a caf\u00e9 owner complained.';

test('windows-1252 curly quotes and é are detected and decoded, not turned into mojibake', () => {
  const bytes = iconv.encode(CURLY, 'windows-1252');
  assert.ok(bytes.includes(0x93) && bytes.includes(0x94) && bytes.includes(0xe9));
  const result = decodeBytes(bytes);
  assert.deepEqual(result, { ok: true, text: CURLY, charset: 'windows-1252', charsetOrigin: 'detected' });
});

test('UTF-16 LE and BE with a byte-order mark decode (and are not mistaken for binary)', () => {
  const text = 'Gr\u00fc\u00dfe \u2014 na\u00efve';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  assert.deepEqual(decodeBytes(le), { ok: true, text, charset: 'utf-16le', charsetOrigin: 'bom' });
  assert.deepEqual(decodeBytes(be), { ok: true, text, charset: 'utf-16be', charsetOrigin: 'bom' });
});

test('a UTF-8 byte-order mark is honoured and not kept in the text', () => {
  const result = decodeBytes(Buffer.from('\uFEFFcaf\u00e9', 'utf8'));
  assert.deepEqual(result, { ok: true, text: 'caf\u00e9', charset: 'utf-8', charsetOrigin: 'bom' });
});

test('valid UTF-8 without declaration is read as UTF-8', () => {
  const result = decodeBytes(Buffer.from('Z\u00fcrich \u2192 K\u00f8benhavn', 'utf8'));
  assert.deepEqual(result, {
    ok: true,
    text: 'Z\u00fcrich \u2192 K\u00f8benhavn',
    charset: 'utf-8',
    charsetOrigin: 'default',
  });
});

test('mostly-UTF-8 bytes with an invalid sequence are rejected with the byte offset', () => {
  const bytes = Buffer.concat([
    Buffer.from('R\u00e9sum\u00e9 of the day: ', 'utf8'),
    Buffer.from([0xc3, 0x28]),
    Buffer.from(' end'),
  ]);
  const result = decodeBytes(bytes);
  assert.deepEqual(result, { ok: false, reason: 'invalid UTF-8 at byte 21 (1 invalid byte)' });
});

test('a declared charset in <meta> wins over detection', () => {
  const html = '<html><head><meta charset="iso-8859-2"></head><body>\u0141\u00f3d\u017a</body></html>';
  const result = decodeBytes(iconv.encode(html, 'iso-8859-2'));
  assert.deepEqual(result, { ok: true, text: html, charset: 'iso-8859-2', charsetOrigin: 'declared' });
});

test('http-equiv content type and XML declarations are declarations too', () => {
  const httpEquiv =
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>\u201cok\u201d</p>';
  assert.deepEqual(decodeBytes(iconv.encode(httpEquiv, 'windows-1252')), {
    ok: true,
    text: httpEquiv,
    charset: 'windows-1252',
    charsetOrigin: 'declared',
  });
  const xml =
    '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\u00e9</title></channel></rss>';
  const result = decodeBytes(iconv.encode(xml, 'latin1'));
  // WHATWG maps the label iso-8859-1 to windows-1252, a superset.
  assert.deepEqual(result, { ok: true, text: xml, charset: 'windows-1252', charsetOrigin: 'declared' });
});

test('a transport charset beats the document declaration', () => {
  const html = '<meta charset="utf-8"><p>caf\u00e9</p>';
  const result = decodeBytes(iconv.encode(html, 'latin1'), 'ISO-8859-1');
  assert.deepEqual(result, { ok: true, text: html, charset: 'windows-1252', charsetOrigin: 'declared' });
});

test('a wrong UTF-8 declaration falls back to detection instead of inserting U+FFFD', () => {
  const html = `<meta charset="utf-8"><p>${CURLY}</p>`;
  const result = decodeBytes(iconv.encode(html, 'windows-1252'));
  assert.deepEqual(result, { ok: true, text: html, charset: 'windows-1252', charsetOrigin: 'detected' });
});

test('binary input is rejected: NUL bytes, or many control bytes', () => {
  assert.deepEqual(
    decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    {
      ok: false,
      reason: 'binary file',
    },
  );
  const controls = Buffer.from(`${'text '.repeat(20)}${'\x01\x02\x03\x04'.repeat(10)}`, 'latin1');
  assert.deepEqual(decodeBytes(controls), { ok: false, reason: 'binary file' });
});

test('empty and whitespace-only input are rejected as empty', () => {
  assert.deepEqual(decodeBytes(Buffer.alloc(0)), { ok: false, reason: 'empty file' });
  assert.deepEqual(decodeBytes(Buffer.from(' \n\t\r\n ')), { ok: false, reason: 'empty file' });
  assert.deepEqual(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a])), {
    ok: false,
    reason: 'empty file',
  });
});
