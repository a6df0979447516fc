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

/**
 * Why the browser refused to run our script in a tab, read from its error message,
 * which is the only signal there is: without the reader's click (activeTab) an extension
 * cannot even see the tab's URL. Chromium names the URL it refused ("Cannot access
 * contents of url \"file:///…\"", "Cannot access a chrome:// URL"); Firefox says "Missing
 * host permission". Pages closed to every extension are 'closed'; ordinary pages refused
 * only for want of a click are 'no-access'; anything else is not a refusal at all.
 */
export type InjectionRefusal = 'closed' | 'no-access' | 'tab-gone' | 'error-page' | null;

export function classifyInjectionError(message: string): InjectionRefusal {
  if (/extensions gallery cannot be scripted/i.test(message)) return 'closed';
  if (/no tab with id|invalid tab id/i.test(message)) return 'tab-gone';
  if (/showing error page/i.test(message)) return 'error-page';
  const named = /cannot access (?:a |contents of url ")([a-z][a-z0-9+.-]*:[^"\s]*)/i.exec(message)?.[1];
  if (named) return isRestrictedUrl(named) ? 'closed' : 'no-access';
  if (/cannot access contents of the page|missing host permission|cannot access contents/i.test(message)) return 'no-access';
  return null;
}
