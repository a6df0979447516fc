import { browser, defineContentScript } from '#imports';
import { claimPage } from './handoff.ts';
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
  // WXT's context (the argument of main) is not used: it stops on a DOM event that the page
  // can dispatch. The copies hand over through the isolated world instead (./handoff.ts).
  main() {
    // The value is what scripting.executeScript hands back to the popup.
    return startLiveSession(document, claimPage(globalThis, () => browser.runtime?.id != null));
  },
});
