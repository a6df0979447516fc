/**
 * A Document from HTML with linkedom, a DOM in plain JavaScript: where no browser parser
 * exists (Node for the CLI and tests, the popup's cleaning worker, which has no DOMParser).
 */
import { parseHTML } from 'linkedom';

export function linkedomDocument(html: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  // A browser builds <html>, <head> and <body> around any fragment, even an empty file;
  // linkedom builds nothing without an <html> tag, so the fragment gets the frame here.
  if (doc.documentElement) return doc;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
}
