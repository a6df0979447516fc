/**
 * The security bans of the lint step, shared by `eslint.config.ts` (npm run lint) and
 * tests/unit/no-html-sinks.test.ts (which proves each ban catches what it names).
 *
 * Banned in our code:
 * - writing markup: innerHTML/outerHTML assignment (even of a literal), insertAdjacentHTML,
 *   document.write, createContextualFragment, setHTMLUnsafe/parseHTMLUnsafe, srcdoc, and
 *   Preact's dangerouslySetInnerHTML. Reading innerHTML is serialization and is allowed;
 *   DOMParser builds an inert document and is how the popup reads a snapshot.
 * - string-to-code: eval, new Function, string timers.
 * - listening to page postMessage (window 'message' listeners, onmessage) and to other
 *   extensions (onMessageExternal, onConnectExternal): both are attacker input.
 */
import type { Linter } from 'eslint';

const MARKUP_PROPERTY = '/^(?:innerHTML|outerHTML|srcdoc)$/';

const MESSAGE_BANS = [
  { selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.value='message']", message: 'page postMessage is attacker input: no message listeners' },
  { selector: "AssignmentExpression > MemberExpression.left[property.name='onmessage']", message: 'page postMessage is attacker input: no message listeners' },
];

/**
 * The popup's cleaning worker and the module that starts it talk over the worker's own
 * channel: a dedicated worker hears only the page that created it, never a web page, so
 * the message bans do not apply there (and only there).
 */
export const WORKER_CHANNEL_FILES = ['entrypoints/popup/clean-worker.ts', 'entrypoints/popup/clean-runner.ts'];

function rules(messages: boolean): Linter.RulesRecord {
  return {
    'no-unsanitized/property': 'error',
    'no-unsanitized/method': 'error',
    'no-eval': 'error',
    'no-implied-eval': 'error',
    'no-new-func': 'error',
    'no-restricted-syntax': [
      'error',
      { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML: render page HTML through components/SafeHtml.tsx' },
      { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML: render page HTML through components/SafeHtml.tsx' },
      { selector: `AssignmentExpression > MemberExpression.left[property.name=${MARKUP_PROPERTY}]`, message: 'markup assignment: build DOM nodes, or go through the sanitizer' },
      { selector: `AssignmentExpression > MemberExpression.left[computed=true][property.value=${MARKUP_PROPERTY}]`, message: 'markup assignment: build DOM nodes, or go through the sanitizer' },
      {
        selector: "CallExpression[callee.property.name=/^(?:insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]",
        message: 'HTML-parsing call: build DOM nodes, or go through the sanitizer',
      },
      // document.write; the CLI's process.stdout.write is a stream, not a document.
      {
        selector: "CallExpression[callee.property.name=/^(?:write|writeln)$/]:not([callee.object.object.name='process'])",
        message: 'HTML-parsing call (document.write): build DOM nodes, or go through the sanitizer',
      },
      { selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^(?:srcdoc|on)/i]", message: 'script-bearing attribute' },
      ...(messages ? MESSAGE_BANS : []),
      { selector: "MemberExpression[property.name=/^on(?:MessageExternal|ConnectExternal)$/]", message: 'no messages from other extensions or sites (no externally_connectable)' },
    ],
  };
}

export const SECURITY_RULES = rules(true);
/** The same bans for WORKER_CHANNEL_FILES, less the two on message listeners. */
export const WORKER_CHANNEL_RULES = rules(false);

/** Where the bans apply: every source file we ship or run. */
export const SECURITY_SOURCE_DIRS = ['entrypoints', 'components', 'utils', 'assets', 'scripts'];
