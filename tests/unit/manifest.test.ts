/**
 * The production manifests, built for real (WXT adds entries of its own, so reading
 * wxt.config.ts would not be enough) into a temporary directory. Permissions are pinned to
 * an allow-list: any addition fails here and has to be argued for in review, because the
 * stores reject excess permissions and the browser disables an updated extension until the
 * reader accepts new ones.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'wxt';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** What reading a page on the reader's click needs, and nothing else. */
const ALLOWED_PERMISSIONS = ['activeTab', 'scripting', 'storage'];
/** Per-site automatic cleaning may ask for single origins at run time, never at install. */
const ALLOWED_OPTIONAL_HOSTS = new Set(['http://*/*', 'https://*/*']);
const REQUIRED_CSP = ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'"];

type Manifest = Record<string, unknown> & { permissions?: string[]; content_security_policy?: unknown };

const quiet = { debug() {}, log() {}, info() {}, warn() {}, success() {}, error: console.error, fatal: console.error, level: 0 };
const outDir = mkdtempSync(join(tmpdir(), 'declutter-manifest-'));
const manifests: Record<string, Manifest> = {};

beforeAll(async () => {
  // One after the other: WXT keeps its state in a module-level singleton.
  for (const browser of ['chrome', 'firefox'] as const) {
    await build({ root: ROOT, browser, mode: 'production', outDir, logger: quiet as never });
  }
  manifests['chrome-mv3'] = JSON.parse(readFileSync(join(outDir, 'chrome-mv3/manifest.json'), 'utf8')) as Manifest;
  manifests['firefox-mv2'] = JSON.parse(readFileSync(join(outDir, 'firefox-mv2/manifest.json'), 'utf8')) as Manifest;
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function extensionPagesCsp(manifest: Manifest): string {
  const csp = manifest.content_security_policy;
  if (typeof csp === 'string') return csp; // MV2
  return (csp as { extension_pages?: string } | undefined)?.extension_pages ?? '';
}

describe.each(['chrome-mv3', 'firefox-mv2'])('%s', (name) => {
  const manifest = () => manifests[name]!;

  test('API permissions are exactly the allow-list', () => {
    const hostLike = (p: string) => p.includes('://') || p === '<all_urls>';
    expect([...(manifest().permissions ?? [])].filter((p) => !hostLike(p)).sort()).toEqual(ALLOWED_PERMISSIONS);
  });

  test('no host access at install: no host_permissions, no <all_urls>, no content scripts declared', () => {
    expect((manifest().permissions ?? []).filter((p) => p.includes('://') || p === '<all_urls>')).toEqual([]);
    expect(manifest().host_permissions ?? []).toEqual([]);
    expect(manifest().content_scripts ?? []).toEqual([]);
  });

  test('optional host permissions, if any, are only the http(s) wildcards a per-site grant picks from', () => {
    const optional = [...((manifest().optional_host_permissions as string[]) ?? []), ...((manifest().optional_permissions as string[]) ?? []).filter((p) => p.includes('://'))];
    for (const origin of optional) expect(ALLOWED_OPTIONAL_HOSTS).toContain(origin);
    const optionalApis = ((manifest().optional_permissions as string[]) ?? []).filter((p) => !p.includes('://'));
    expect(optionalApis).toEqual([]);
  });

  test('live cleaning can ask for http(s) sites one at a time; the reader command and the options page are declared', () => {
    const optional = [...((manifest().optional_host_permissions as string[]) ?? []), ...((manifest().optional_permissions as string[]) ?? [])];
    expect(optional.sort()).toEqual([...ALLOWED_OPTIONAL_HOSTS].sort());
    expect(manifest().commands).toEqual({ 'open-reader': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_openReaderCommand__' } });
    expect(manifest().options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });
  });

  test('nothing outside can talk to us or load our files', () => {
    expect(manifest()).not.toHaveProperty('externally_connectable');
    expect(manifest().web_accessible_resources ?? []).toEqual([]);
  });

  test('the extension-page CSP is the tightened one: no inline script, no plugins, no <base>, no forms, no frames', () => {
    const directives = extensionPagesCsp(manifest()).split(';').map((d) => d.trim().replace(/\s+/g, ' '));
    for (const required of REQUIRED_CSP) expect(directives).toContain(required);
    const scriptSrc = directives.find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toBe("script-src 'self'");
    expect(extensionPagesCsp(manifest())).not.toMatch(/unsafe-(?:inline|eval|hashes)|localhost|127\.0\.0\.1|\*/);
  });
});

test('the production builds are not the test build: no 127.0.0.1 access leaks into them', () => {
  for (const manifest of Object.values(manifests)) expect(JSON.stringify(manifest)).not.toContain('127.0.0.1');
});
