/**
 * The one gate between page HTML and an extension page's DOM. Article HTML is written by
 * whoever wrote the page, and Readability keeps inline handlers and odd URLs, so nothing
 * renders it except through the function this module returns.
 */
import createDOMPurify, { type Config } from 'dompurify';

/** The only data-* attributes that survive: the ones the annotator adds to mark mentions. */
export const DECLUTTER_DATA_ATTRIBUTES = ['data-annotation', 'data-annotation-kind'] as const;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  // HTML only: no SVG or MathML, which closes the namespace-confusion class of bypasses.
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset',
    'object', 'embed', 'base', 'meta', 'link', 'dialog', 'template', 'slot',
  ],
  FORBID_ATTR: ['style', 'srcset', 'ping', 'action', 'formaction', 'usemap', 'background', 'sizes'],
  ALLOW_DATA_ATTR: false,
  ADD_ATTR: [...DECLUTTER_DATA_ATTRIBUTES],
  // id and name become user-content-*, so the page cannot clobber the popup's own globals.
  SANITIZE_NAMED_PROPS: true,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  RETURN_DOM_FRAGMENT: true,
};

export type ArticleSanitizer = (html: string) => DocumentFragment | null;

export function createArticleSanitizer(window: Window): ArticleSanitizer {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.nodeName === 'A') {
      const href = el.getAttribute('href');
      // A relative link would resolve against the extension's own origin.
      if (href && /^(?:https?:\/\/|mailto:)/i.test(href)) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else {
        el.removeAttribute('href');
        el.removeAttribute('target');
      }
    }
    if (el.nodeName === 'IMG') {
      const src = el.getAttribute('src');
      if (src && !/^https?:\/\//i.test(src)) el.removeAttribute('src');
      el.setAttribute('referrerpolicy', 'no-referrer');
      el.setAttribute('loading', 'lazy');
    }
  });
  return (html) => {
    try {
      return (purify.sanitize(html, CONFIG) as unknown as DocumentFragment | null) ?? null;
    } catch {
      return null;
    }
  };
}
