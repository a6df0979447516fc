/**
 * Sizes of what a reader downloads and parses: the content script injected into the page
 * and everything popup.html loads (scripts, module preloads, styles). The build is already
 * minified; gzip stands in for what the browser reads from disk and parses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly name: string;
  readonly files: string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

function sizeOf(dir: string, name: string, files: string[]): BundleSize {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const data = readFileSync(join(dir, file));
    bytes += data.length;
    gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  return { name, files, bytes, gzipBytes };
}

/** Files an HTML page of the build loads, from its `src`/`href` attributes, in order. */
function pageAssets(dir: string, html: string): string[] {
  const source = readFileSync(join(dir, html), 'utf8');
  const found = new Set<string>();
  for (const m of source.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"']+)["'][^>]*>/g)) {
    const tag = m[0];
    const ref = m[1]!;
    if (/^[a-z]+:/i.test(ref)) continue;
    if (tag.startsWith('<link') && !/rel=["']?(?:stylesheet|modulepreload)/.test(tag)) continue;
    const path = ref.replace(/^\//, '');
    if (existsSync(join(dir, path))) found.add(path);
  }
  // Modules the entry imports statically load with it even without a preload hint.
  const queue = [...found].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const file = queue.shift()!;
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["']([^"']+)["']/g)) {
      const ref = m[1]!;
      if (!ref.startsWith('.') && !ref.startsWith('/')) continue;
      const path = ref.startsWith('/') ? ref.slice(1) : join(file, '..', ref);
      if (!found.has(path) && existsSync(join(dir, path))) {
        found.add(path);
        queue.push(path);
      }
    }
  }
  return [...found];
}

export function bundleSizes(dir: string): BundleSize[] | null {
  if (!existsSync(join(dir, 'manifest.json'))) return null;
  const out: BundleSize[] = [];
  const content = 'content-scripts/content.js';
  if (existsSync(join(dir, content))) out.push(sizeOf(dir, 'content script', [content]));
  if (existsSync(join(dir, 'popup.html'))) out.push(sizeOf(dir, 'popup', pageAssets(dir, 'popup.html')));
  return out;
}

export function formatBundleSizes(dir: string): string {
  const sizes = bundleSizes(dir);
  if (!sizes) return `Bundle sizes: no build in ${dir} (run npm run build:chrome)`;
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  return [
    `Bundle sizes (${dir}, minified; gzip -9):`,
    ...sizes.map((s) => `  ${s.name.padEnd(15)} ${kb(s.bytes).padStart(9)}  gz ${kb(s.gzipBytes).padStart(8)}  (${s.files.join(', ')})`),
  ].join('\n');
}
