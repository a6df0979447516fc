/**
 * The lint rule behind "page HTML reaches an extension page only through the sanitizer":
 * ESLint with Mozilla's eslint-plugin-no-unsanitized (the rules addons-linter applies on
 * AMO) plus syntax bans for what that plugin allows, run over every source file we ship or
 * run. TypeScript is stripped with esbuild first (JSX kept), so ESLint needs no TS parser.
 *
 * The bans and why: scripts/lint/security-rules.ts (npm run lint applies the same rules).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { ESLint } from 'eslint';
import regexp from 'eslint-plugin-regexp';
import { describe, expect, test } from 'vitest';
import { SECURITY_RULES, SECURITY_SOURCE_DIRS, WORKER_CHANNEL_FILES, WORKER_CHANNEL_RULES } from '../../scripts/lint/security-rules.ts';

// The plugin ships no type declarations.
const noUnsanitized = createRequire(import.meta.url)('eslint-plugin-no-unsanitized') as ESLint.Plugin;
const redos = createRequire(import.meta.url)('eslint-plugin-redos') as ESLint.Plugin;

const ROOT = resolve(import.meta.dirname, '../..');
/** The sanitizer is the sink's one legal owner; it builds DOM through DOMPurify, not a sink. */
const SOURCE = /\.(?:ts|tsx|mts|js|mjs)$/;

function createLinter(rules = SECURITY_RULES): ESLint {
  return new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.js', '**/*.jsx'],
        // The ReDoS plugins are loaded (their rules off) so that a source's disable comment
        // for one of them names a rule this linter knows.
        plugins: { 'no-unsanitized': noUnsanitized, redos, regexp },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: 'module',
          parserOptions: { ecmaFeatures: { jsx: true } },
          // no-implied-eval only recognises string timers on globals it knows.
          globals: { window: 'readonly', self: 'readonly', globalThis: 'readonly', setTimeout: 'readonly', setInterval: 'readonly' },
        },
        rules,
      },
    ],
  });
}

/** Type-stripped JS with JSX intact; lines shift, so findings quote the offending code. */
function toLintableJs(code: string, path: string): string {
  return transformSync(code, { loader: path.endsWith('x') ? 'tsx' : 'ts', jsx: 'preserve', sourcefile: path }).code;
}

async function lintSource(linter: ESLint, code: string, path: string): Promise<string[]> {
  const js = toLintableJs(code, path);
  const [result] = await linter.lintText(js, { filePath: join(ROOT, `${path}.lint.jsx`) });
  const lines = js.split('\n');
  return (result?.messages ?? []).map((m) => `${path}: ${m.ruleId ?? 'parse'}: ${m.message} — ${lines[(m.line ?? 1) - 1]?.trim()}`);
}

function listSources(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return listSources(relative(ROOT, path));
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [relative(ROOT, path)] : [];
  });
}

describe('our source has no HTML sink, no string-to-code, no outside message listener', () => {
  const files = SECURITY_SOURCE_DIRS.flatMap(listSources);
  const linter = createLinter();
  const workerLinter = createLinter(WORKER_CHANNEL_RULES);

  test('the scan covers the extension: popup, content script, background, components, core', () => {
    for (const expected of ['entrypoints/background.ts', 'entrypoints/content/index.ts', 'entrypoints/popup/model.ts', 'components/SafeHtml.tsx', 'utils/cleaner/pipeline.ts', 'utils/cleaner/sanitize.ts']) {
      expect(files).toContain(expected);
    }
  });

  test.each(files)('%s', async (path) => {
    expect(await lintSource(WORKER_CHANNEL_FILES.includes(path) ? workerLinter : linter, readFileSync(join(ROOT, path), 'utf8'), path)).toEqual([]);
  });
});

describe('the rule catches each sink it bans', () => {
  const linter = createLinter();
  test.each([
    ['el.innerHTML = html;', 'markup assignment'],
    ["el.innerHTML = '';", 'markup assignment'],
    ["el['outerHTML'] = x;", 'markup assignment'],
    ['el.innerHTML += more;', 'markup assignment'],
    ['frame.srcdoc = page;', 'markup assignment'],
    ["el.insertAdjacentHTML('beforeend', html);", 'insertAdjacentHTML'],
    ['document.write(html);', 'document.write'],
    ['range.createContextualFragment(html);', 'HTML-parsing call'],
    ['el.setHTMLUnsafe(html);', 'HTML-parsing call'],
    ["el.setAttribute('onclick', code);", 'script-bearing attribute'],
    ['const v = <div dangerouslySetInnerHTML={{ __html: html }} />;', 'dangerouslySetInnerHTML'],
    ["h('div', { dangerouslySetInnerHTML: { __html: html } });", 'dangerouslySetInnerHTML'],
    ['eval(code);', 'eval'],
    ['new Function(code)();', 'Function'],
    ["setTimeout('alert(1)', 0);", 'eval'],
    ["window.addEventListener('message', (e) => use(e.data));", 'postMessage'],
    ['window.onmessage = (e) => use(e.data);', 'postMessage'],
    ['browser.runtime.onMessageExternal.addListener(handle);', 'externally_connectable'],
  ])('%s', async (code, expected) => {
    const findings = await lintSource(linter, `declare const el: any, html: string, x: any, more: string, frame: any, range: any, code: string, page: string, browser: any, h: any;\ndeclare function use(v: unknown): void;\n${code}`, 'planted.tsx');
    expect(findings.join('\n')).toContain(expected);
  });

  test('reading markup is not writing it', async () => {
    expect(await lintSource(linter, 'declare const el: Element; export const html = el.innerHTML + el.outerHTML;', 'read.ts')).toEqual([]);
  });
});
