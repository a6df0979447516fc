/**
 * What `npm run -s clean` prints without --json: the article as text, then the
 * annotations and removals as lines a reader can scan (the JSON output keeps every field).
 */
import type { Annotation, AnnotationMention, CleanResult } from '../utils/cleaner/types.ts';

const EVIDENCE: Record<AnnotationMention['evidence'], string> = {
  symbol: 'marked',
  parenthetical: 'noted in brackets',
  prefix: 'labelled before the name',
  footnote: 'footnote',
  notice: 'notice on the page',
  linked: 'named again',
  registry: 'in the registry',
};

function mention(m: AnnotationMention): string {
  const how = [EVIDENCE[m.evidence], m.mark ? `"${m.mark}"` : null, m.inTitle ? 'in the title' : null].filter(Boolean).join(', ');
  return `"${m.text}" (${how})`;
}

/** One annotation: its name and category, the registry's designation, the mentions, the page's notes. */
export function annotationLines(n: Annotation): string[] {
  const lines = [`- ${n.label}: ${n.category}${n.kind === 'foreign-agent' ? '' : ` (${n.kind})`}`];
  const designation = n.registry?.designations[0];
  if (n.registry) {
    const status = n.registry.status === 'listed' ? '' : `, ${n.registry.status}${n.registry.statusDate ? ` ${n.registry.statusDate}` : ''}`;
    lines.push(`  registry: ${n.registry.name.en}${designation ? `, ${designation.authority.en}, ${designation.date}` : ''}${status}`);
  }
  lines.push(`  mentions: ${n.mentions.map(mention).join('; ')}`);
  for (const note of n.pageNotes) lines.push(`  page says: ${note}`);
  return lines;
}

export function resultText(r: CleanResult): string {
  const lines: string[] = [];
  const a = r.article;
  if (!a) lines.push(r.status === 'not-readerable' ? 'No article on this page (use --force to extract anyway).' : 'No article found.');
  else {
    lines.push(a.title, '='.repeat(Math.min(a.title.length, 80)));
    const meta = [a.siteName, a.byline, a.publishedTime, `${a.readingMinutes} min read`].filter(Boolean);
    lines.push(meta.join(' · '), '', a.text);
  }
  if (r.annotations.length) {
    lines.push('', `Annotations (${r.annotations.length}):`);
    for (const n of r.annotations) lines.push(...annotationLines(n));
  }
  lines.push('', `Removed (${r.removals.length}):`);
  for (const m of r.removals) lines.push(`- [${m.filter}] ${m.reason}: ${m.text}`);
  lines.push('', `${r.timingsMs.total.toFixed(1)} ms`);
  return `${lines.join('\n')}\n`;
}
