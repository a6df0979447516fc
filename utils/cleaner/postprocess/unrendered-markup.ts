import { definePostStep, type PostMatch } from './define.ts';

/** Blocks a CMS prints such text in; a heading or quote with the same words is the story's. */
const BLOCKS = new Set(['P', 'DIV', 'SPAN', 'LI', 'SMALL', 'CENTER', 'FONT']);
/** More words than a button label or a script notice ever has. */
const MAX_WORDS = 25;

/** Any quote a CMS may print around an attribute value, typographic ones included. */
const Q = `"“”'‘’″`;
const ATTRIBUTE = `[a-z_][\\w-]*\\s*=\\s*(?:[${Q}][^${Q}\\]]*[${Q}]|[^\\s\\]${Q}]+)`;
/**
 * A block that is nothing but a shortcode: `[button link="…" type="big"] Send us your
 * review[/button]`, `[gallery ids="1,2"]`. Its opening tag needs an attribute, so an
 * editor's "[sic]", "[1]" or "[Updated]" never matches, and the label inside is short.
 */
const SHORTCODE_BLOCK = new RegExp(
  `^\\[([a-z][\\w-]*)(?:\\s+${ATTRIBUTE})+\\s*\\/?\\]\\s*(?:[^\\[\\]]{0,160}\\[\\/\\1\\])?$`,
  'i',
);

/**
 * What a page prints for readers without JavaScript, "This slideshow requires JavaScript",
 * "Please enable JavaScript to view the comments": the thing it stands for is named
 * (a slideshow, the comments) or the reader is told to turn scripts on. A story about
 * JavaScript says neither in a sentence of its own.
 */
const NO_SCRIPT_NOTICE = new RegExp(
  [
    String.raw`^(this|the) (slideshow|gallery|video|player|content|page|site|website|map|chart|graphic|interactive|form|feature|embed|media|quiz|poll|widget|comments?)( section)? (requires|needs) javascript`,
    String.raw`^(please )?(turn on|enable|activate) javascript\b`,
    String.raw`^(you need|you must have|you have) javascript (enabled|turned on|disabled)`,
    String.raw`^javascript (is )?(required|disabled|must be enabled)`,
    String.raw`^(для (просмотра|работы|отображения)[^.]{0,60} )?(включите|необходимо включить|требуется|нужен|нужно включить) javascript`,
    String.raw`^(у вас |в вашем браузере )?(отключ[её]н|выключен) javascript`,
  ].join('|'),
  'i',
);

export const unrenderedMarkup = definePostStep({
  id: 'unrendered-markup',
  why:
    'A page\'s machinery sometimes shows through as text: a WordPress shortcode whose plugin is gone ' +
    '("[button link=…]Send us your review[/button]"), or the notice a slideshow or comment box prints for ' +
    'readers without JavaScript. The page the reader saw rendered the widget or hid the notice, so neither is ' +
    'text the site meant anyone to read.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      if (!BLOCKS.has(el.tagName)) continue;
      const words = measure.words(el);
      if (!words || words > MAX_WORDS) continue;
      const text = measure.text(el);
      if (text.startsWith('[') && SHORTCODE_BLOCK.test(text)) found.push({ element: el, reason: `unrendered shortcode [${/^\[([\w-]+)/.exec(text)?.[1] ?? ''}]` });
      else if (/javascript/i.test(text) && NO_SCRIPT_NOTICE.test(text)) found.push({ element: el, reason: `notice for readers without JavaScript "${text}"` });
    }
    return found;
  },
});
