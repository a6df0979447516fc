/**
 * The one gate between page HTML and an extension page's DOM. Article HTML is written by
 * whoever wrote the page, and Readability keeps inline handlers and odd URLs, so nothing
 * renders it except through the function this module returns.
 *
 * The output is a DocumentFragment, never a string: the caller adopts the nodes, so the
 * clean markup is not parsed a second time (the step mutation XSS lives in), and the
 * codebase needs no innerHTML sink at all.
 */
import createDOMPurify, { type Config } from 'dompurify';

/** The only data-* attributes that survive: the ones the annotator adds to mark mentions. */
export const DECLUTTER_DATA_ATTRIBUTES = ['data-annotation', 'data-annotation-kind'] as const;

/**
 * Attributes that make the browser fetch or navigate. In an extension page a relative or
 * protocol-relative URL resolves against the extension's own origin (`/popup.html`,
 * `//evil.example` → `chrome-extension://evil.example`), and any other scheme is either
 * script (`javascript:`, `data:text/html`) or a local resource, so only absolute http(s)
 * survives, plus mailto on links.
 */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'data', 'codebase', 'xlink:href']);
const ABSOLUTE_WEB_URL = /^https?:\/\/[^/\\\s]/i;
const MAIL_URL = /^mailto:[^\s]/i;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  // HTML only: no SVG or MathML, which closes the namespace-confusion class of bypasses.
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    // <style> could restyle or overlay the extension UI and leak that the popup is open.
    'style', 'link', 'meta', 'base',
    // Forms post to attacker URLs and can be dressed up as the extension's own controls.
    'form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'output', 'fieldset', 'label',
    'iframe', 'frame', 'frameset', 'object', 'embed', 'portal', 'fencedframe',
    'dialog', 'template', 'slot', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext',
    // Image maps are links without an <a>, out of reach of the link rules below.
    'map', 'area',
    // A <track> fetches its captions in CORS mode, so the request carries
    // `Origin: chrome-extension://<id>` and tells the page's server who is reading.
    'track',
    // The reader page has its own <main>: a page's one inside the article would be a second
    // main landmark for screen readers. Its content stays (DOMPurify keeps the content of
    // forbidden elements).
    'main',
  ],
  FORBID_ATTR: [
    'style', 'srcset', 'sizes', 'ping', 'action', 'formaction', 'usemap', 'background', 'download', 'autoplay',
    // Top-layer popovers and invoker commands could float page content over the reader's UI.
    'popover', 'popovertarget', 'popovertargetaction', 'command', 'commandfor',
    // A CORS request from an extension page sends `Origin: chrome-extension://<id>`: the
    // picture's server would learn that Declutter (and which install) shows the article.
    'crossorigin',
  ],
  ALLOW_DATA_ATTR: false,
  ADD_ATTR: [...DECLUTTER_DATA_ATTRIBUTES],
  // id and name become user-content-*, so the page cannot clobber the popup's own globals.
  SANITIZE_NAMED_PROPS: true,
  // DOMPurify tests every attribute that is not on its URI-safe list (lang, width, datetime…)
  // against this pattern, so it must keep the plain-value alternatives of the default one;
  // the scheme part allows nothing but http(s) and mailto. Relative URLs pass here and are
  // dropped by the hook below.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM_FRAGMENT: true,
};

export type ArticleSanitizer = (html: string) => DocumentFragment | null;

function keepOnlyWebUrls(el: Element): void {
  const isLink = el.nodeName === 'A';
  for (const attr of [...el.attributes]) {
    if (!URL_ATTRIBUTES.has(attr.name.toLowerCase())) continue;
    const value = attr.value.trim();
    if (ABSOLUTE_WEB_URL.test(value) || (isLink && attr.name === 'href' && MAIL_URL.test(value))) {
      if (value !== attr.value) el.setAttribute(attr.name, value);
    } else {
      el.removeAttribute(attr.name);
    }
  }
}

export function createArticleSanitizer(window: Window): ArticleSanitizer {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  // The hook never calls sanitize(): DOMPurify is not re-entrant.
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    keepOnlyWebUrls(el);
    if (el.nodeName === 'A') {
      if (el.hasAttribute('href')) {
        // A new browsing context with no opener and no referrer: the article's sites learn
        // nothing about the extension page, and cannot script it back.
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else {
        el.removeAttribute('target');
        el.removeAttribute('rel');
      }
    }
    if (el.nodeName === 'IMG') {
      el.setAttribute('referrerpolicy', 'no-referrer');
      el.setAttribute('loading', 'lazy');
    }
  });
  return (html) => {
    try {
      // A page whose HTML parses into a <frameset> has no body, and DOMPurify returns null.
      return (purify.sanitize(html, CONFIG) as unknown as DocumentFragment | null) ?? null;
    } catch {
      return null;
    }
  };
}
