/**
 * A click is answered with the article: what Readability finds is shown unless it is clearly
 * none (a listing, or too little prose to read). Firefox's reader-icon hint
 * (isProbablyReaderable) turned away short news and pages written in short paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { DOMS, parseDocument } from '../../dom.ts';

const URL_ = 'https://news.example/2025/01/13/brief';
const page = (body: string, title = 'A short brief') =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header><a href="/">Home</a></header><main><article><h1>${title}</h1>${body}</article></main></body></html>`;

describe.each(DOMS)('what a click shows (%s)', (dom) => {
  const clean = (html: string, force = false) => cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force });

  it('shows a two-paragraph news brief that the reader-icon hint rejects', () => {
    const html = page(
      '<p>The son of a former German president was stabbed during a lecture in Berlin on Tuesday evening, police said.</p>' +
        '<p>The attacker was arrested at the scene. The victim died of his wounds.</p>',
    );
    const result = clean(html);
    expect(result.status).toBe('ok');
    expect(result.article!.text).toContain('The attacker was arrested at the scene.');
  });

  it('shows a Japanese article whose sentences are short by Latin measures', () => {
    const html = page(
      '<p>中日新聞によると、愛知県内で十三日、成人式が各地で開かれ、新成人が晴れ着姿で集まった。</p>' +
        '<p>名古屋市の会場では約一万人が参加し、市長が祝辞を述べた。会場周辺は家族連れでにぎわった。</p>',
      '各地で成人式',
    );
    expect(clean(html).status).toBe('ok');
  });

  it('turns away a page with no block of two sentences, and "show anyway" still reads what there is', () => {
    const html = page('<ul><li><a href="/a">One story here</a></li><li><a href="/b">Another story</a></li></ul><p>Updated daily.</p>', 'Index');
    const result = clean(html);
    expect(result.status).toBe('not-readerable');
    expect(result.article).toBeNull();
    expect(clean(html, true).status).not.toBe('not-readerable');
  });

  it("reads a page a server's warnings precede, where the parser may leave the page beside its root", () => {
    const warning = '<br />\n<b>Deprecated</b>:  Assigning the return value of new by reference is deprecated in <b>/www/wp-includes/cache.php</b> on line <b>36</b><br />\n';
    const story =
      '<p>Spain has a lot to offer as a destination. Whether the Balearic or the Canary Islands, or the capital Madrid and the Catalan metropolis Barcelona, there are destinations everywhere.</p>' +
      '<p>One of the largest cities of all Spain is Malaga in Andalusia. The city, often in the shadow of historic Seville, is worth a journey in itself.</p>';
    const result = clean(warning.repeat(3) + page(story, 'Malaga, the lively metropolis'));
    expect(result.status).toBe('ok');
    expect(result.article!.text).toContain('One of the largest cities of all Spain is Malaga');
  });
});
