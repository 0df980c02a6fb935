import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  classifyMimeType,
  detectFormatFromName,
  parseCharsetParameter,
  parseMimeType,
  sniffContainerFormat,
  sniffDocumentFormat,
} from './detect-format.ts';

test('file names announce formats, through .gz and in any case', () => {
  assert.deepEqual(
    [
      'a.jsonl',
      'b.NDJSON.gz',
      'c.warc.gz',
      'd.rss',
      'e.atom',
      'f.xml',
      'g.HTML',
      'h.htm.gz',
      'i.txt',
      'j.md',
      'README',
    ].map(detectFormatFromName),
    ['jsonl', 'jsonl', 'warc', 'feed', 'feed', 'feed', 'html', 'html', 'text', undefined, undefined],
  );
});

test('documents are sniffed as feed or HTML after an XML prolog, comments and whitespace', () => {
  assert.equal(sniffDocumentFormat('<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0">'), 'feed');
  assert.equal(sniffDocumentFormat('<feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
  assert.equal(sniffDocumentFormat('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">'), 'feed');
  assert.equal(sniffDocumentFormat('\uFEFF  <!DOCTYPE html><html>'), 'html');
  assert.equal(sniffDocumentFormat('<html lang="en">'), 'html');
  assert.equal(sniffDocumentFormat('The <html> tag is explained below.'), 'text');
  assert.equal(sniffDocumentFormat('<feedback>not a feed</feedback>'), 'text');
});

test('containers are sniffed from raw bytes for unnamed inputs', () => {
  assert.equal(sniffContainerFormat(Buffer.from('WARC/1.1\r\nWARC-Type: warcinfo\r\n')), 'warc');
  assert.equal(sniffContainerFormat(Buffer.from('\uFEFF\n{"text": "x"}\n')), 'jsonl');
  assert.equal(sniffContainerFormat(Buffer.from('Plain words {braces} later.')), undefined);
});

test('Content-Type values are split into MIME type and charset, and classified', () => {
  assert.equal(parseMimeType(' Text/HTML ; charset="UTF-8"'), 'text/html');
  assert.equal(parseCharsetParameter('text/html; charset="UTF-8"'), 'UTF-8');
  assert.equal(parseCharsetParameter('text/html'), undefined);
  assert.deepEqual(
    [
      'text/html',
      'application/xhtml+xml',
      'application/atom+xml',
      'text/xml',
      'text/plain',
      'text/markdown',
      'application/octet-stream',
      undefined,
      'image/png',
      'application/json',
    ].map(classifyMimeType),
    ['html', 'html', 'feed', 'xml', 'text', 'text', undefined, undefined, 'unsupported', 'unsupported'],
  );
});
