/**
 * A post the story quotes (a tweet's embed code, in a wrapper named "social") reaches the
 * reader; a sidebar feed of posts does not join the story, and a post with nothing but
 * links leaves no empty quote.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { DOMS, parseDocument } from '../../dom.ts';

const URL_ = 'https://news.example/2019/11/slogan.html';
const STORY = [
  'The state launched its new anti-drug campaign on Monday, and the slogan drew attention on social media within hours.',
  'According to a report in the local paper, the governor launched the campaign in an effort to address the crisis.',
  'The report says an advertising agency came up with the campaign, and the state has paid it nearly half a million dollars.',
  'The governor saw the reaction and doubled down on the slogan in a post of her own later that evening.',
  'She proceeded to share the hashtag and the website for the initiative, which contains a statement about the problem.',
  'Still, this is not the first time a slogan has gone awry in the state, and the road safety office remembers it well.',
  'A 2014 entry was meant to discourage drivers from jerking the wheel on icy roads, and it drew enough criticism to go.',
];
const TWEET = 'Hey Twitter, the whole point of this ad campaign is to raise awareness. So I think that’s working.';

const tweet = (text: string, who: string) =>
  `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${text}</p>— ${who} <a href="https://twitter.com/x/status/1">November 18, 2019</a></blockquote>` +
  '<script async src="https://platform.twitter.com/widgets.js"></script>';

function page(story: string, aside = ''): string {
  return `<!doctype html><html lang="en"><head><title>The slogan</title></head><body>
<main><article><h1>The slogan</h1><div class="entry-content">${story}</div></article>${aside}</main></body></html>`;
}

const paragraphs = (list: string[]) => list.map((p) => `<p>${p}</p>`).join('');

describe.each(DOMS)('embedded posts under %s', (dom) => {
  it('a tweet the story quotes stays in it, in its place', () => {
    const html = page(paragraphs(STORY.slice(0, 3)) + `<div class="social-media-embed">${tweet(TWEET, 'Governor (@gov)')}</div>` + paragraphs(STORY.slice(3)));
    const text = cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true }).article?.text ?? '';
    expect(text).toContain(TWEET);
    expect(text.indexOf(STORY[2]!)).toBeLessThan(text.indexOf(TWEET));
    expect(text.indexOf(TWEET)).toBeLessThan(text.indexOf(STORY[3]!));
  });

  it('a tweet whose lines are broken with <br><br> keeps every line, links and all', () => {
    // nj.com's embed of the governor's tweet, as the page has it.
    const lines = [
      'Hey Twitter, the whole point of this ad campaign is to raise awareness.',
      'So I think that’s working... <a href="https://twitter.com/hashtag/thanks">#thanks</a> <a href="https://twitter.com/hashtag/MethWeAreOnIt">#MethWeAreOnIt</a>',
      '⬇️⬇️⬇️<a href="https://t.co/hopPjqa95w">https://t.co/hopPjqa95w</a>',
    ];
    const html = page(paragraphs(STORY.slice(0, 3)) + `<div class="social-media-embed">${tweet(lines.join('<br><br>'), 'Governor (@gov)')}</div>` + paragraphs(STORY.slice(3)));
    const article = cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true }).article;
    expect(article?.text).toContain('Hey Twitter, the whole point of this ad campaign is to raise awareness.');
    expect(article?.text).toContain('So I think that’s working... #thanks #MethWeAreOnIt');
    expect(article?.text).toContain('⬇️⬇️⬇️https://t.co/hopPjqa95w');
    expect(article?.text).toContain('— Governor (@gov)');
    // Three paragraphs of the post, in order; a single <br> inside one would stay a line break.
    const quote = article?.html.match(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/i)?.[1] ?? '';
    expect(quote.match(/<p[\s>]/gi)?.length).toBe(3);
  });

  it('a single <br> in a post stays a line break inside its one paragraph', () => {
    const html = page(paragraphs(STORY.slice(0, 3)) + `<div class="social-media-embed">${tweet('Roses are red, the campaign is new,<br>and the whole state is talking about it too.', 'Poet (@poet)')}</div>` + paragraphs(STORY.slice(3)));
    const article = cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true }).article;
    const quote = article?.html.match(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/i)?.[1] ?? '';
    expect(quote).toMatch(/Roses are red, the campaign is new,<br\s*\/?>and the whole state/i);
  });

  it('a sidebar feed of posts does not join the story', () => {
    const feed = 'Our newsroom is hiring reporters for the statehouse bureau, apply before the end of the month.';
    const html = page(paragraphs(STORY), `<aside class="social-sidebar"><div class="social-feed">${tweet(feed, 'Newsroom (@news)')}${tweet(feed.replace('statehouse', 'city hall'), 'Newsroom (@news)')}</div></aside>`);
    const text = cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true }).article?.text ?? '';
    expect(text).toContain(STORY[3]);
    expect(text).not.toContain('Our newsroom is hiring');
  });

  it('a post with nothing but links leaves no empty quote behind', () => {
    const instagram =
      '<div class="social-embed"><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/1/"><div><a href="https://www.instagram.com/p/1/">View this post on Instagram</a></div>' +
      '<p><a href="https://www.instagram.com/p/1/">A post shared by Singer (@singer)</a></p></blockquote></div>';
    const html = page(paragraphs(STORY.slice(0, 2)) + instagram + paragraphs(STORY.slice(2)));
    const article = cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true }).article;
    expect(article?.text).toContain(STORY[3]);
    expect(article?.html).not.toMatch(/<blockquote[^>]*>\s*<\/blockquote>/);
  });
});
