import { defineContentScript } from '#imports';
import { startLiveSession } from './session.ts';

// Never declared in the manifest. It reaches a page in two ways only: registered at run
// time for the sites the reader opted into (utils/live-sites.ts, after a permission
// granted in their click), or injected by the popup's "Clean this page" (activeTab).
// It must stay small and never import Readability, DOMPurify or Preact: it runs on
// every page of an opted-in site (tests/bench reports its size).
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  // WXT would otherwise announce the script with window.postMessage, which the page sees.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The value is what scripting.executeScript hands back to the popup.
    return startLiveSession(document, ctx);
  },
});
