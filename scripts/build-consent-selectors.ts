/**
 * npx tsx scripts/build-consent-selectors.ts
 *
 * Turns DuckDuckGo autoconsent's rule set (installed as a dev dependency) into the small list
 * of CSS selectors the cookie-banners filter matches: the selectors autoconsent hides before
 * a consent platform shows its banner (`prehideSelectors`) and the ones its cosmetic rules
 * hide (`hide` steps). Those selectors name the banner containers of hundreds of consent
 * platforms (OneTrust, Cookiebot, Didomi, Quantcast, Usercentrics, Sourcepoint…) and are kept
 * up to date by people who test them on real sites, which no hand-written list would be.
 *
 * Only plain, specific CSS survives: the filter runs on every page, under linkedom and jsdom
 * too, so a selector that either DOM cannot parse, or that could match something other than
 * a consent notice, is dropped. `tests/unit/detect/filters.test.ts` checks the committed JSON is what
 * this script makes from the installed autoconsent version.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

export const CONSENT_SELECTORS_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../assets/data/consent-selectors.json');

export interface ConsentSelectorData {
  readonly source: string;
  readonly version: string;
  readonly license: string;
  readonly note: string;
  readonly selectors: readonly string[];
}

/**
 * A selector must name consent in its own words: cookie and consent vocabulary, or a
 * consent platform's brand. Selectors without any (`.optIn`, `#ccc`, `.cdk-overlay-container`,
 * `.fullpageCover`) are site-specific guesses that, on another site, hit ordinary overlays.
 * Words inside `href` values do not count: `div:has(> div > a[href*='/privacy-policy'])`
 * matches every footer that links to a privacy policy.
 */
const CONSENT_WORDS =
  /cookie|consent|gdpr|ccpa|dsgvo|rgpd|rodo|privacy|cmp|tcf|didomi|onetrust|optanon|cybot|usercentrics|truste|trustarc|sp_message|sp-cc|quantcast|qc-cmp|iubenda|termly|termsfeed|osano|ketch|borlabs|cmplz|complianz|tarteaucitron|axeptio|fides|fc-dialog|cky-|cookieyes|ch2-|legalmonster|moove_gdpr|tealium|pea_cook|cck-|klaro|cc[-_](window|banner|bar)/i;

/** Structure-bound selectors (`body > div:nth-child(7)`, `#footer ~ div`) point at a position on one site's page. */
const POSITIONAL = /~|\+|:nth-|:first-|:last-|:only-|(^|[\s>(,])(html|body)\b/i;

/** Splits a selector list at its top-level commas, leaving commas inside `:has(…)` and `[…]` alone. */
export function splitSelectorList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of list) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    else if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current.trim());
  return out.filter(Boolean);
}

/** Values of `key` in an autoconsent rule's steps, at any depth (steps nest in if/then/else and any/all). */
function stepValues(node: unknown, key: string, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) stepValues(child, key, found);
  else if (node && typeof node === 'object') {
    const step = node as Record<string, unknown>;
    if (typeof step[key] === 'string') found.push(step[key]);
    for (const child of Object.values(step)) stepValues(child, key, found);
  }
  return found;
}

/**
 * Selectors that name a consent notice's container in one rule:
 * - `prehideSelectors`: what autoconsent hides while a platform loads — the banner itself;
 * - `hide` steps of cosmetic rules: banners that can only be hidden, not answered;
 * - the `exists` / `visible` checks that detect a platform, when they are one compound
 *   selector (`#didomi-host`, `#usercentrics-root`): those name the platform's root element.
 *   Longer checks mostly point at a button deep inside and are left out.
 */
function ruleSelectors(rule: Record<string, unknown>): string[] {
  const prehide = Array.isArray(rule['prehideSelectors']) ? (rule['prehideSelectors'] as unknown[]).filter((s) => typeof s === 'string') : [];
  const roots = [...stepValues(rule['detectCmp'], 'exists'), ...stepValues(rule['detectPopup'], 'visible')]
    .flatMap(splitSelectorList)
    .filter(isOneCompound);
  return [...prehide, ...stepValues(rule['optOut'], 'hide'), ...stepValues(rule['optIn'], 'hide'), ...roots];
}

/** No combinator outside parentheses: the selector names one element by its own attributes. */
function isOneCompound(selector: string): boolean {
  const outer = selector.replace(/\([^()]*\)|\[[^\]]*\]/g, '');
  return !/[\s>~+]/.test(outer.trim()) && !/^(button|a|input|span|p|label)\b/i.test(outer);
}

/**
 * The big platforms (Cookiebot, OneTrust, Sourcepoint, consentmanager, Klaro, TrustArc) are
 * coded in TypeScript rather than in rules.json; their banner selectors are string literals in
 * `prehideSelectors = [...]` or `get prehideSelectors() { return [...] }`. Template strings are
 * skipped: they are built from variables this script cannot see.
 */
function codedPrehideSelectors(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/prehideSelectors[^[;]*?(?:=|return)\s*\[/g)) {
    // Reads the array's literals one by one: selectors hold brackets of their own.
    let i = (match.index ?? 0) + match[0].length;
    for (;;) {
      while (/[\s,]/.test(source[i] ?? '')) i += 1;
      const quote = source[i];
      if (quote !== "'" && quote !== '"' && quote !== '`') break;
      const end = source.indexOf(quote, i + 1);
      if (end < 0) break;
      const literal = source.slice(i + 1, end);
      if (quote !== '`' && !literal.includes('\\')) found.push(literal);
      i = end + 1;
    }
  }
  return found.filter(Boolean);
}

function isSpecificConsentSelector(selector: string): boolean {
  const withoutHrefs = selector.replace(/\[\s*href[^\]]*\]/gi, '');
  return CONSENT_WORDS.test(withoutHrefs) && !POSITIONAL.test(selector);
}

/** Both DOMs the core runs on must accept the selector; a throwing selector would break the whole joined list. */
function parsesEverywhere(selector: string, docs: readonly Document[]): boolean {
  return docs.every((doc) => {
    try {
      doc.querySelectorAll(selector);
      doc.body.matches(selector);
      return true;
    } catch {
      return false;
    }
  });
}

export function extractConsentSelectors(rules: readonly Record<string, unknown>[], codedCmps: readonly string[]): string[] {
  const probe = '<!doctype html><html><body><div id="x" class="y"><a href="/p">p</a><button>Ok</button></div></body></html>';
  const docs = [
    parseHTML(probe).document as unknown as Document,
    new JSDOM(probe, { virtualConsole: new VirtualConsole() }).window.document,
  ];
  const selectors = new Set<string>();
  const lists = [...rules.flatMap(ruleSelectors), ...codedCmps.flatMap(codedPrehideSelectors)];
  for (const list of lists) {
    for (const selector of splitSelectorList(list)) {
      const folded = selector.replace(/\s+/g, ' ');
      if (isSpecificConsentSelector(folded) && parsesEverywhere(folded, docs)) selectors.add(folded);
    }
  }
  return [...selectors].sort();
}

export function buildConsentSelectorData(): ConsentSelectorData {
  const require = createRequire(import.meta.url);
  // The package exports its rules but not its package.json, which sits two folders up.
  const rulesPath = require.resolve('@duckduckgo/autoconsent/rules/rules.json');
  const pkg = JSON.parse(readFileSync(resolve(dirname(rulesPath), '../package.json'), 'utf8')) as { version: string; license: string };
  const rulesFile = JSON.parse(readFileSync(rulesPath, 'utf8')) as {
    autoconsent: Record<string, unknown>[];
  };
  const cmpDir = resolve(dirname(rulesPath), '../lib/cmps');
  const codedCmps = readdirSync(cmpDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => readFileSync(resolve(cmpDir, name), 'utf8'));
  return {
    source: '@duckduckgo/autoconsent: rules/rules.json (prehideSelectors, cosmetic hide steps, one-compound detection roots) and lib/cmps/*.ts (prehideSelectors)',
    version: pkg.version,
    license: `${pkg.license} (selectors are data from autoconsent, https://github.com/duckduckgo/autoconsent)`,
    note: 'Generated by scripts/build-consent-selectors.ts; do not edit. Kept: selectors that name consent or a consent platform, are not positional, and parse under linkedom and jsdom.',
    selectors: extractConsentSelectors(rulesFile.autoconsent, codedCmps),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const data = buildConsentSelectorData();
  writeFileSync(CONSENT_SELECTORS_PATH, `${JSON.stringify(data, null, 2)}\n`);
  process.stdout.write(`${data.selectors.length} selectors from autoconsent ${data.version} → ${CONSENT_SELECTORS_PATH}\n`);
}
