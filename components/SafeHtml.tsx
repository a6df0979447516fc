import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ArticleSanitizer } from '../utils/cleaner/sanitize.ts';

/**
 * The sink: the only place page HTML becomes DOM in an extension page. The sanitizer hands
 * back a fragment, adopted here, so there is no innerHTML anywhere in our code.
 */
export function SafeHtml({
  html,
  sanitize,
  typeset,
  class: className,
}: {
  html: string;
  sanitize: ArticleSanitizer;
  /** Adjusts the sanitized fragment before it is shown: its text, and marks of our own (figures.ts), never markup from the page. */
  typeset?: (fragment: DocumentFragment) => void;
  class?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const fragment = sanitize(html);
    if (fragment) typeset?.(fragment);
    el.replaceChildren(fragment ? el.ownerDocument.importNode(fragment, true) : '');
  }, [html, sanitize, typeset]);
  return <div ref={host} class={className} />;
}
