/**
 * Parses HTML into a Document under either DOM the core must run on. Golden and fixture
 * tests run under both, because linkedom and jsdom differ in ways Readability notices.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

export type DomName = 'jsdom' | 'linkedom';
export const DOMS: readonly DomName[] = ['linkedom', 'jsdom'];

export function parseDocument(html: string, url: string, dom: DomName = 'linkedom'): Document {
  if (dom === 'jsdom') {
    // A silent console: pages' broken CSS would otherwise flood the test output.
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
  }
  const doc = parseHTML(html).document as unknown as Document;
  // A browser builds <html>, <head> and <body> around any fragment, even an empty file;
  // linkedom builds nothing without an <html> tag, so the fragment gets the frame here.
  if (doc.documentElement) return doc;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
}
