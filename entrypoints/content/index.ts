import { defineContentScript } from '#imports';
import { takeSnapshot } from './handlers.ts';

// Injected by the popup on the reader's click (activeTab), never declared in the manifest.
// The value main() returns is what scripting.executeScript hands back to the popup.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    const ignoreBudget = (globalThis as { __declutterIgnoreBudget?: boolean }).__declutterIgnoreBudget === true;
    return takeSnapshot(document, { ignoreBudget });
  },
});
