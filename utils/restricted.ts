/**
 * Pages no extension may script. Classifying the URL first gives the reader a clear
 * message instead of an injection error; the injection's own rejection stays the second
 * line of defence for anything this list misses.
 */
const CLOSED_SCHEMES = /^(?:chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|jar|view-source|data|file|blob|javascript):/i;
const STORE_HOSTS = [
  /^chromewebstore\.google\.com$/,
  /^chrome\.google\.com$/, // only /webstore is closed, checked below
  /^microsoftedge\.microsoft\.com$/,
  /^addons\.mozilla\.org$/,
  /^accounts\.firefox\.com$/,
  /^support\.mozilla\.org$/,
];

export function isRestrictedUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  if (CLOSED_SCHEMES.test(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  if (parsed.hostname === 'chrome.google.com') return parsed.pathname.startsWith('/webstore');
  return STORE_HOSTS.some((host) => host.test(parsed.hostname));
}

/** PDFs open in the browser's own viewer, which extensions cannot read. */
export function isPdf(contentType: string, url: string): boolean {
  return contentType === 'application/pdf' || /\.pdf(?:$|[?#])/i.test(url);
}
