// A static fixture server on 127.0.0.1 that logs every request, so tests can prove the
// extension asks the network for nothing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sharedPagesDir = join(projectRoot, '..', 'shared', 'pages');

const mounts: Record<string, string> = {
  '/demo/': join(projectRoot, 'assets/demo'),
  '/e2e/': join(projectRoot, 'tests/e2e/fixtures'),
  '/pages/': join(projectRoot, 'tests/fixtures/pages'),
  '/shared/': sharedPagesDir,
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  origin: string;
  /** A second origin (another port) for cross-origin frames. */
  otherOrigin: string;
  url(path: string): string;
  /** Every request path seen, in order, on both ports. */
  requests: string[];
  route(path: string, handler: Route): void;
  fileFor(path: string): string | null;
  close(): Promise<void>;
}

/** The file a request path maps to, if any. */
export function fileFor(path: string): string | null {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length))));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return null;
    return file;
  }
  return null;
}

function serveFile(path: string, res: ServerResponse): void {
  const file = fileFor(path);
  if (file) {
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: string[] = [];
  const routes = new Map<string, Route>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    const route = routes.get(path);
    if (route) route(req, res);
    else serveFile(path, res);
  };
  const main = createServer(handler);
  const other = createServer(handler);
  const [port, otherPort] = await Promise.all([listen(main), listen(other)]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    otherOrigin: `http://localhost:${otherPort}`,
    url: (path) => `${origin}${path}`,
    requests,
    route: (path, route) => routes.set(path, route),
    fileFor,
    close: async () => {
      main.closeAllConnections();
      other.closeAllConnections();
      await Promise.all([new Promise((r) => main.close(r)), new Promise((r) => other.close(r))]);
    },
  };
}
