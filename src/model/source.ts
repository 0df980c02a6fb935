/** How an input reached Dossier. */
export type SourceKind = 'text' | 'html' | 'jsonl' | 'feed' | 'warc' | 'url' | 'stdin';

/** Which signal chose the character encoding used to decode the input bytes. */
export type CharsetOrigin = 'bom' | 'declared' | 'detected' | 'default';

/** Where one document came from, precisely enough to find it again. */
export interface SourceRef {
  kind: SourceKind;
  /** The file path, URL or `-` (stdin) that was read. */
  location: string;
  /** Position inside a container: `line 12` of a JSONL file, `item 3` of a feed, `offset 4096` of a WARC. */
  locator?: string;
  /** Character encoding the bytes were decoded with (WHATWG label, lower case), and why. */
  charset: string;
  charsetOrigin: CharsetOrigin;
  /** MIME type declared by the transport (HTTP header, WARC record) or inferred from the file name. */
  contentType?: string;
  /** Size of the input in bytes before decoding (after gunzip). */
  byteLength: number;
  /** ISO-8601 time a network fetch completed. */
  fetchedAt?: string;
}
