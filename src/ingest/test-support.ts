import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawDocument, ReadResult, Rejection } from '../model/raw-document.ts';

/** Test-only helpers for the readers: temp directories, a loopback HTTP server, result collection. */

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:PORT` + path. */
  url(path: string): string;
  /** Every request received, in order. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 only (tests never touch other hosts); unknown paths answer 404. */
export async function startTestServer(routes: Record<string, RouteHandler>): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (route) route(request, response);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port nothing listens on: bound by a server that is then closed. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function makeTempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-ingest-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function collect(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

export function documentsOf(results: ReadResult[]): RawDocument[] {
  return results.flatMap((result) => (result.ok ? [result.document] : []));
}

export function rejectionsOf(results: ReadResult[]): Rejection[] {
  return results.flatMap((result) => (result.ok ? [] : [result.rejection]));
}

/** `item: reason` lines, the way a user sees rejections. */
export function describeRejections(results: ReadResult[]): string[] {
  return rejectionsOf(results).map((rejection) => `${rejection.item}: ${rejection.reason}`);
}
