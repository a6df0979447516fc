import { classWords } from '../page/class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** Class words that, next to "author", name a box about the writer rather than a byline. */
const BIO_WORDS = new Set(['bio', 'biography', 'about', 'box', 'info', 'card', 'profile', 'details', 'description']);

const INLINE = new Set(['STRONG', 'B', 'SPAN', 'EM', 'I']);

/** "About the author", "Об авторе", "Sobre o autor": the heading of a writer's bio. */
/**
 * How every ABOUT_HEADING starts, with the same flags: tested first, because the Unicode
 * classes in ABOUT_HEADING cost milliseconds to build in a fresh popup and most pages have
 * no such heading at all.
 */
const ABOUT_START = /^(about|об авторе|sobre|über|à propos)/iu;
const ABOUT_HEADING = /^(about the (author|writer|reporter)s?|about [\p{Lu}][\p{L}'’.-]+( [\p{Lu}][\p{L}'’.-]+){0,2}|об авторе|sobre o autor|sobre el autor|über den autor|à propos de l'auteur)\s*:?$/iu;

/**
 * The writer's contact line: "Have a tip? Jane Doe may be reached at jane@site.com",
 * "Contact the reporter at …", "Follow him on Twitter @…".
 */
const CONTACT =
  /^(have a (news )?tip\??|got a (news )?tip\??|tips\?|contact (the )?(author|reporter|writer)|(you can )?reach (the )?(author|reporter|writer))|\b(may|can) be (reached|contacted) (at|by|via|on)\b|^follow (him|her|them) on\b/i;

export const authorBio = definePostStep({
  id: 'author-bio',
  why:
    'After the story many sites print a box about its writer — photo, a few lines of biography, how to ' +
    'reach them. It is the same under every story by that writer, so it is not this story; the byline ' +
    'above the article already names who wrote it.',
  detect({ root, measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      const length = measure.words(el);
      if (length === 0 || length > 150) continue;
      const words = classWords(el);
      const namedBio =
        words.has('bio') || words.has('biography') || words.has('authorbio') || words.has('authorbox') ||
        ((words.has('author') || words.has('writer') || words.has('contributor')) && [...words].some((w) => BIO_WORDS.has(w)));
      const mayHead = length <= 6 && /^H[1-6]$|^P$|^DIV$|^STRONG$/.test(el.tagName);
      const mayContact = length <= 40 && ['P', 'DIV', 'EM', 'I', 'SPAN'].includes(el.tagName);
      // Most elements can be none of the three: their text and place are not worked out.
      if (!namedBio && !mayHead && !mayContact) continue;
      const text = measure.text(el);
      // Bios and contact lines close the story: at most a couple of paragraphs follow them.
      const closing = (): boolean => measure.story.proseAfter(el) <= 2;
      if (namedBio && length <= 150 && closing()) {
        found.push({ element: el, reason: 'named as the writer\'s bio' });
      } else if (mayHead && ABOUT_START.test(text) && ABOUT_HEADING.test(text) && closing()) {
        // A label in <strong> inside a paragraph heads that paragraph; the bio is the block
        // and what follows it up to the end of its container.
        let block: Element = el;
        while (INLINE.has(block.tagName) && block.parentElement && block.parentElement !== root && measure.text(block.parentElement).startsWith(text)) {
          block = block.parentElement;
        }
        found.push({ element: block, reason: `bio under "${text}"` });
        for (let next = block.nextElementSibling; next; next = next.nextElementSibling) found.push({ element: next, reason: `bio under "${text}"` });
      } else if (mayContact && CONTACT.test(text) && closing()) {
        found.push({ element: el, reason: 'how to reach the writer' });
      }
    }
    return found;
  },
});
