/** How readers treat inputs; every field has a safe default in `DEFAULT_READ_OPTIONS`. */
export interface ReadOptions {
  /** Largest input accepted, in bytes after gunzip (per file; per line or record inside JSONL and WARC). */
  maxBytes: number;
  /** Allow fetching loopback, private, link-local and unique-local addresses (off: SSRF protection). */
  allowPrivateNetwork: boolean;
  /** Per HTTP request, from connecting to the last body byte. */
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  /** Read for the input `-`; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream;
  /** Told about each WARC record that is not an HTML page (request, image, redirect ...), to count them. */
  onSkip?: SkipListener;
  /**
   * Files never read, even inside a directory or glob argument: the store's own database files, so
   * `dossier ingest .` does not try to ingest the database it is writing. Compared as absolute paths.
   */
  excludePaths?: string[];
}

export type SkipListener = (item: string, reason: string) => void;

/** 10 MiB: the brief's cap; news pages are rarely above 2 MiB even with inline scripts. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  maxBytes: DEFAULT_MAX_BYTES,
  allowPrivateNetwork: false,
  // 20 s: the brief's default; slow news sites answer within a few seconds, dead ones never.
  timeoutMs: 20_000,
  // 5: the brief's default; browsers allow 20, but a news link needing more than 5 hops is a tracker chain.
  maxRedirects: 5,
  userAgent: 'Dossier/0.1 (+https://github.com/dossier; news analysis)',
};

/** The one-line reason for an input over the cap, e.g. `larger than 10 MiB (raise with --max-bytes)`. */
export function describeSizeLimit(maxBytes: number): string {
  const mib = maxBytes / (1024 * 1024);
  const size = Number.isInteger(mib) ? `${mib} MiB` : `${maxBytes} bytes`;
  return `larger than ${size} (raise with --max-bytes)`;
}
