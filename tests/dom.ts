/**
 * Parses HTML into a Document under either DOM the core must run on. Golden and fixture
 * tests run under both, because linkedom and jsdom differ in ways Readability notices.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { linkedomDocument } from '../utils/linkedom-document.ts';

export type DomName = 'jsdom' | 'linkedom';
export const DOMS: readonly DomName[] = ['linkedom', 'jsdom'];

export function parseDocument(html: string, url: string, dom: DomName = 'linkedom'): Document {
  if (dom === 'jsdom') {
    // A silent console: pages' broken CSS would otherwise flood the test output.
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
  }
  return linkedomDocument(html);
}
