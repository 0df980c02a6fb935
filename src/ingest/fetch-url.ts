import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { readCapped } from './byte-stream.ts';
import { describeSizeLimit, type ReadOptions } from './read-options.ts';

export type FetchOptions = Pick<
  ReadOptions,
  'maxBytes' | 'allowPrivateNetwork' | 'timeoutMs' | 'maxRedirects' | 'userAgent'
>;

export interface FetchedResource {
  /** The URL the body came from, after redirects. */
  url: string;
  /** The body after content-encoding was undone. */
  bytes: Buffer;
  /** Raw `Content-Type` header. */
  contentType?: string;
  /** ISO-8601 time the body was complete. */
  fetchedAt: string;
}

export type FetchResult = { ok: true; resource: FetchedResource } | { ok: false; reason: string };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

/** A request refused before any packet left: a private address with private access off. */
class RefusedAddressError extends Error {
  constructor(host: string, address: string, range: string) {
    super(
      host === address
        ? `refused ${range} address ${address} (private network access is off)`
        : `refused: ${host} resolves to ${range} address ${address} (private network access is off)`,
    );
  }
}

/**
 * Fetches one URL safely.
 * 1. Only http and https; a literal IP host must be public unless private access is allowed.
 * 2. Each hop connects through a DNS lookup that refuses non-public resolved addresses (so a public
 *    name pointing at 127.0.0.1 cannot bypass step 1), with a per-request timeout covering the body.
 * 3. Redirects are followed up to `maxRedirects`; revisiting a URL is a redirect loop.
 * 4. Non-2xx is a rejection; the body is inflated (gzip, deflate, br) and capped at `maxBytes` while
 *    streaming, and a declared `Content-Length` over the cap is refused before reading.
 */
export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { ok: false, reason: 'invalid URL' };
  }
  const visited = new Set<string>();
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return { ok: false, reason: `unsupported URL scheme ${current.protocol}` };
    }
    visited.add(current.href);
    const result = await requestOnce(current, options);
    if (result.ok !== 'redirect') return result;
    const next = new URL(result.location, current);
    if (visited.has(next.href))
      return { ok: false, reason: `redirect loop (${current.href} → ${next.href})` };
    if (hop + 1 > options.maxRedirects) {
      return { ok: false, reason: `too many redirects (more than ${options.maxRedirects})` };
    }
    current = next;
  }
}

type HopResult = FetchResult | { ok: 'redirect'; location: string };

async function requestOnce(url: URL, options: FetchOptions): Promise<HopResult> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateNetwork && ipaddr.isValid(host)) {
    const range = nonPublicRange(host);
    if (range) return { ok: false, reason: new RefusedAddressError(host, host, range).message };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await sendRequest(url, options, controller.signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(status) && location) {
      response.destroy();
      return { ok: 'redirect', location };
    }
    if (status < 200 || status > 299) {
      response.destroy();
      return {
        ok: false,
        reason: `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
      };
    }
    const declaredLength = Number(response.headers['content-length']);
    if (!response.headers['content-encoding'] && declaredLength > options.maxBytes) {
      response.destroy();
      return { ok: false, reason: describeSizeLimit(options.maxBytes) };
    }
    const body = decodeContentEncoding(response);
    if ('reason' in body) return { ok: false, reason: body.reason };
    const read = await readCapped(body.stream, options.maxBytes);
    if (!read.ok) {
      return {
        ok: false,
        reason: controller.signal.aborted ? describeTimeout(options.timeoutMs) : read.reason,
      };
    }
    const contentType = response.headers['content-type'];
    return {
      ok: true,
      resource: {
        url: url.href,
        bytes: read.bytes,
        ...(contentType ? { contentType } : {}),
        fetchedAt: new Date().toISOString(),
      },
    };
  } catch (error) {
    const reason = controller.signal.aborted
      ? describeTimeout(options.timeoutMs)
      : describeNetworkError(error, url);
    return { ok: false, reason };
  } finally {
    clearTimeout(timer);
  }
}

function sendRequest(url: URL, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        // A fresh connection per request: no keep-alive sockets outlive the fetch.
        agent: false,
        signal,
        headers: { 'user-agent': options.userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' },
        ...(options.allowPrivateNetwork ? {} : { lookup: lookupPublicOnly }),
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

function decodeContentEncoding(
  response: IncomingMessage,
): { stream: AsyncIterable<Uint8Array> } | { reason: string } {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  let decoder: Transform;
  if (!encoding || encoding === 'identity') return { stream: response };
  if (encoding === 'gzip' || encoding === 'x-gzip') decoder = createGunzip();
  else if (encoding === 'deflate') decoder = createInflate();
  else if (encoding === 'br') decoder = createBrotliDecompress();
  else {
    response.destroy();
    return { reason: `unsupported content-encoding ${encoding}` };
  }
  pipeline(response, decoder, () => {});
  return { stream: decoder };
}

/** The ipaddr.js range name when an address is not public unicast (loopback, private, ...). */
function nonPublicRange(address: string): string | undefined {
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? undefined : range;
}

/** DNS lookup that fails when any resolved address is not public, so every connection target is checked. */
const lookupPublicOnly: LookupFunction = (hostname, lookupOptions, callback) => {
  dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range) return callback(new RefusedAddressError(hostname, address, range), '', 0);
    }
    const first = addresses[0];
    if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
    if (lookupOptions.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, first.address, first.family);
  });
};

function describeTimeout(timeoutMs: number): string {
  return `timed out after ${timeoutMs / 1000} s`;
}

function describeNetworkError(error: unknown, url: URL): string {
  if (error instanceof RefusedAddressError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (code === 'ECONNREFUSED') return `connection refused by ${url.hostname}:${port}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found: ${url.hostname}`;
  if (code === 'ECONNRESET') return `connection reset by ${url.hostname}`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `host unreachable: ${url.hostname}`;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
