/** A built site served on loopback and Debian's Chromium driven by playwright-core, for browser tests. */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Types a host like GitHub Pages compresses on the way out: text, scripts, JSON, XML and SVG. Pagefind's own files
 * (`.pagefind`, `.pf_*`: application/octet-stream) are gzip inside already and go out as they are.
 */
export const compressible = (type: string): boolean =>
  /^(?:text\/|application\/(?:json|xml|javascript)|image\/svg\+xml)/.test(type);

/**
 * Serves `root` at `base` (e.g. `/` or `/sub/`) on 127.0.0.1 like a static host: directories → index.html, else 404.html.
 * With `gzip`, compressible types are sent gzip-encoded to a browser that accepts it, as GitHub Pages does.
 */
export async function serve(
  root: string,
  base = '/',
  { gzip = false } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let file = join(root, normalize(path.slice(base.length - 1)));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // With a length, as static hosts send files, not chunked (whose framing would count as bytes on the wire).
      if (gzip && compressible(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        const encoded = gzipSync(body);
        res.writeHead(200, {
          'content-type': type,
          'content-encoding': 'gzip',
          'content-length': encoded.length,
          vary: 'Accept-Encoding',
        });
        res.end(encoded);
      } else res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
    } catch {
      const notFound = join(root, '404.html');
      res
        .writeHead(404, { 'content-type': TYPES['.html']! })
        .end(existsSync(notFound) ? await readFile(notFound) : 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Headless Chromium with the flags this sandbox needs (no network beyond loopback). */
export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 Chromium（${CHROMIUM}）：请先运行 apt-get install chromium，或设置 CHROMIUM_PATH（Chromium not found）`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
