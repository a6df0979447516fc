/**
 * What a filter switch changed in the article, told from its text before and after (blocks
 * as `articleText` separates them): the blocks that came back, so the view can show them
 * where they are, or none, so it can say the filter took nothing out of the article.
 */
export function restoredBlocks(before: string, after: string): string[] {
  const seen = new Map<string, number>();
  for (const block of before.split('\n\n')) if (block) seen.set(block, (seen.get(block) ?? 0) + 1);
  const back: string[] = [];
  for (const block of after.split('\n\n')) {
    if (!block) continue;
    const left = seen.get(block) ?? 0;
    if (left > 0) seen.set(block, left - 1);
    else back.push(block);
  }
  return back;
}
