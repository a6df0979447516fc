/**
 * A throwaway HTTP server for the pages the browser tests open. It listens on 127.0.0.1
 * at a random port, because the e2e build's host permission is `http://127.0.0.1/*`
 * (any port) and a fixed port would collide with a second run on the same machine.
 *
 * Routes:
 *   /<file>                 tests/fixtures/e2e/<file>
 *   /golden/<slug>/         tests/golden/pages/<slug>/source.html (another engineer's golden pages)
 *   /generated/huge.html    an article buried in more elements than the snapshot budget allows
 *   /generated/doc.pdf      a one-page PDF, opened by the browser's own viewer
 *   /generated/slow.html?ms=N  an article whose second half arrives N ms late, so the
 *                           page is still loading when the popup asks for it
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { ELEMENT_BUDGET } from '../../../utils/messaging.ts';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures/e2e');
export const GOLDEN_PAGES_DIR = resolve(import.meta.dirname, '../../golden/pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.css': 'text/css',
};

/**
 * Golden pages are saved copies whose scripts expect their own site and network. Run
 * here they would rewrite the page half-way (titles, lazy widgets), so the browser
 * reads the same static HTML the golden tests read under jsdom. Our content script is
 * not the page's and is not subject to its CSP.
 */
const GOLDEN_HEADERS = { 'content-security-policy': "script-src 'none'" };

export interface FixtureServer {
  readonly origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves `handle` on 127.0.0.1 at a random port: the one server of the browser tests and
 * the browser bench, each with its own routes.
 */
export async function listen(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<FixtureServer> {
  const server: Server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function startFixtureServer(): Promise<FixtureServer> {
  return listen((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/generated/slow.html')) {
      slowPage(res, Number(new URL(path, 'http://x').searchParams.get('ms') ?? 1500));
      return;
    }
    void respond(path).then(
      ({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...(path.startsWith('/golden/') ? GOLDEN_HEADERS : {}) });
        res.end(body);
      },
      () => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('fixture server error');
      },
    );
  });
}

interface Response {
  status: number;
  type: string;
  body: string | Buffer;
}

async function respond(rawPath: string): Promise<Response> {
  const path = decodeURIComponent(new URL(rawPath, 'http://x').pathname);
  if (path === '/generated/huge.html') return { status: 200, type: 'text/html; charset=utf-8', body: hugePage() };
  if (path === '/generated/doc.pdf') return { status: 200, type: 'application/pdf', body: tinyPdf() };
  const golden = /^\/golden\/([\w.-]+)\/$/.exec(path);
  if (golden) {
    // Golden pages keep their original bytes (some are windows-1251). The charset goes in
    // the header only where meta.json names one, as the real site's server did; the others
    // declare it in <meta> and the browser sniffs it there.
    const charset = goldenCharset(golden[1]!);
    return file(resolve(GOLDEN_PAGES_DIR, golden[1]!, 'source.html'), GOLDEN_PAGES_DIR, charset ? `text/html; charset=${charset}` : 'text/html');
  }
  return file(resolve(FIXTURES_DIR, `.${path}`), FIXTURES_DIR);
}

function goldenCharset(slug: string): string | undefined {
  const metaPath = resolve(GOLDEN_PAGES_DIR, slug, 'meta.json');
  if (!existsSync(metaPath)) return undefined;
  return (JSON.parse(readFileSync(metaPath, 'utf8')) as { charset?: string }).charset;
}

async function file(path: string, root: string, type?: string): Promise<Response> {
  if (!path.startsWith(root + sep)) return { status: 403, type: 'text/plain', body: 'outside the fixtures' };
  try {
    const body = await readFile(path);
    return { status: 200, type: type ?? TYPES[extname(path)] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
}

/** The browser runs our script only once the page is loaded: until then the popup waits. */
function slowPage(res: ServerResponse, delayMs: number): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.write('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A slow page</title></head><body><article><h1>A slow page</h1>');
  const timer = setTimeout(() => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i + 1} arrived late. A slow connection delivers the article in pieces, and the reader sees a calm outline of it instead of a blank popup.</p>`,
    ).join('');
    res.end(`${paragraphs}</article></body></html>`);
  }, delayMs);
  res.on('close', () => clearTimeout(timer));
}

/** A real article inside a page with more elements than the snapshot budget. */
function hugePage(): string {
  const filler = '<span>·</span>'.repeat(ELEMENT_BUDGET + 1000);
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the very long page. The council published every line of its budget on one page, and this text is what a reader came for, buried in thousands of tiny elements.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very large page</title></head>
<body><article><h1>A very large page</h1>${paragraphs}</article><div class="widgets" hidden>${filler}</div></body></html>`;
}

/** The smallest well-formed PDF: one empty page. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
