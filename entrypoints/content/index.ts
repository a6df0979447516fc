import { defineContentScript } from '#imports';
import { consumeBudgetOverride, takeSnapshot } from './handlers.ts';

// Injected by the popup on the reader's click (activeTab), never declared in the manifest.
// The value main() returns is what scripting.executeScript hands back to the popup.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    return takeSnapshot(document, { ignoreBudget: consumeBudgetOverride(globalThis) });
  },
});
