/**
 * A post the story quotes keeps its text.
 *
 * Social networks give publishers embed code whose fallback is the post itself in a
 * `<blockquote>`: `blockquote.twitter-tweet` («Hey Twitter, the whole point of this ad
 * campaign…» — Noem tweeted), `blockquote.instagram-media`, `blockquote.tiktok-embed`,
 * Threads' `text-post-media`, Bluesky's `bluesky-embed`, Reddit's `reddit-embed-bq`. Sites put
 * each one in a wrapper of its own and name it for what it holds: `div.social-media-embed`.
 * Readability loses the post twice over: it deletes any block named "social" before scoring
 * (`unlikelyCandidates`), and a `<div>` of few words and many links (a post's handle, date
 * and picture links) in its final clean-up. A post's paragraph becomes such a `<div>` when
 * the post breaks its lines with `<br><br>`, as tweets do: Readability makes the chain a new
 * `<p>` and its parent `<p>` a `<div>` (`_replaceBrs`). So the post's paragraphs are split at
 * those chains here, into paragraphs Readability keeps as they are.
 *
 * A wrapper that holds nothing but embedded posts, standing among the story's paragraphs, is
 * the post's frame and nothing more, so on the copy Readability reads the posts take their
 * frame's place: a blockquote among paragraphs, which Readability keeps. A sidebar feed of
 * posts has no paragraphs beside it, and a share bar has buttons and links of its own: both
 * stay as they are. The page given to the pipeline is never touched.
 */
import { upperTag } from '../page/elements.ts';

/** The class each network's embed code puts on its blockquote. */
const EMBED_CLASSES = ['twitter-tweet', 'instagram-media', 'tiktok-embed', 'text-post-media', 'bluesky-embed', 'reddit-embed-bq'];
/** The embed code's own loader sits beside the post in the same wrapper. */
const SILENT = new Set(['SCRIPT', 'NOSCRIPT', 'STYLE', 'TEMPLATE', 'BR']);
/** A paragraph of the story: as long as Readability's own shortest scored paragraph. */
const PROSE_CHARS = 80;
/** Text outside links a post must have to be worth keeping: more than a handle and a date. */
const MIN_POST_CHARS = 40;

/** Puts the copy's embedded posts in their frames' place when the frames stand in the story. */
export function unwrapEmbeddedPosts(doc: Document): void {
  const frames = new Set<Element>();
  // Blockquotes are few on a page; a selector query would test every element.
  for (const post of doc.getElementsByTagName('blockquote')) {
    if (!isPost(post) || !saysSomething(post)) continue;
    for (const paragraph of [...post.getElementsByTagName('p')]) splitAtBreakChains(paragraph);
    let frame: Element | null = null;
    for (let wrapper = post.parentElement; wrapper && upperTag(wrapper) !== 'BODY' && holdsOnlyPosts(wrapper); wrapper = wrapper.parentElement) frame = wrapper;
    if (frame && besideProse(frame)) frames.add(frame);
  }
  for (const frame of frames) {
    const parent = frame.parentNode;
    if (!parent) continue;
    for (const post of [...frame.getElementsByTagName('blockquote')].filter(isPost)) parent.insertBefore(post, frame);
    frame.remove();
  }
}

function isPost(el: Element): boolean {
  return upperTag(el) === 'BLOCKQUOTE' && EMBED_CLASSES.some((name) => el.classList.contains(name));
}

/** Every child is an embedded post, a wrapper of only posts, or silent; no text of its own. */
function holdsOnlyPosts(el: Element): boolean {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').trim()) return false;
    } else if (node.nodeType === 1) {
      const child = node as Element;
      if (SILENT.has(upperTag(child)) || isPost(child)) continue;
      if (!child.getElementsByTagName('blockquote').length || !holdsOnlyPosts(child)) return false;
    }
  }
  return true;
}

/**
 * Instagram's and TikTok's embed code often carries no caption, only links ("View this post
 * on Instagram", "A post shared by…"), which the reading view drops: such a post would be an
 * empty quote, so its frame is left to Readability.
 */
function saysSomething(post: Element): boolean {
  let links = 0;
  for (const a of post.getElementsByTagName('a')) links += (a.textContent ?? '').trim().length;
  return (post.textContent ?? '').trim().length - links >= MIN_POST_CHARS;
}

function besideProse(frame: Element): boolean {
  for (let sibling = frame.parentElement?.firstElementChild ?? null; sibling; sibling = sibling.nextElementSibling) {
    if (sibling !== frame && upperTag(sibling) === 'P' && (sibling.textContent ?? '').trim().length >= PROSE_CHARS) return true;
  }
  return false;
}

function isBreak(node: Node): boolean {
  return node.nodeType === 1 && upperTag(node as Element) === 'BR';
}

/** White space only: nothing a reader sees. */
function isBlank(node: Node): boolean {
  return node.nodeType === 3 && !(node.nodeValue ?? '').trim();
}

/** The <br> after `br`, past white space, or null when `br` stands alone. */
function nextBreak(br: Node): Node | null {
  let next = br.nextSibling;
  while (next && isBlank(next)) next = next.nextSibling;
  return next && isBreak(next) ? next : null;
}

/** `<p>a<br><br>b</p>` becomes `<p>a</p><p>b</p>`; a single <br> stays a line break. */
function splitAtBreakChains(paragraph: Element): void {
  const parts: Node[][] = [[]];
  for (let node: Node | null = paragraph.firstChild; node; ) {
    if (isBreak(node) && nextBreak(node)) {
      let last: Node = node;
      for (let br = nextBreak(node); br; br = nextBreak(br)) last = br;
      parts.push([]);
      node = last.nextSibling;
      continue;
    }
    parts[parts.length - 1]!.push(node);
    node = node.nextSibling;
  }
  if (parts.length === 1) return;
  const filled = parts.filter((nodes) => nodes.some((n) => !isBlank(n) && !isBreak(n)));
  for (const nodes of filled) {
    const part = paragraph.ownerDocument.createElement('p');
    // The post's language and direction go to every part; an id stays unique, on none.
    for (const attribute of paragraph.attributes) if (attribute.name !== 'id') part.setAttribute(attribute.name, attribute.value);
    for (const node of nodes) part.appendChild(node);
    paragraph.parentNode?.insertBefore(part, paragraph);
  }
  paragraph.remove();
}
