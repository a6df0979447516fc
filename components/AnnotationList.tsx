import { useState } from 'preact/hooks';
import type { Annotation, Lang } from '../utils/cleaner/types.ts';
import { categoryWords, displayName, summaryWords } from '../utils/cleaner/annotate/describe.ts';
import { AnnotationNote } from './AnnotationNote.tsx';

const CARD_ID = 'declutter-annotation-card';

/**
 * The summary above the article: «Упомянуты организации, запрещённые в России: «Исламское
 * государство» (террористическая)», then foreign agents, each name a button that opens its
 * full note with the registry's sources. Bans and foreign agents are never mixed.
 */
export function AnnotationList({ annotations, lang }: { annotations: readonly Annotation[]; lang: Lang }) {
  const [openId, setOpenId] = useState<string | null>(null);
  if (!annotations.length) return null;
  const words = summaryWords(lang);
  const banned = annotations.filter((a) => a.kind === 'banned');
  const agents = annotations.filter((a) => a.kind === 'foreign-agent' && !a.id.startsWith('notice-'));
  const notices = annotations.filter((a) => a.id.startsWith('notice-'));
  const open = annotations.find((a) => a.id === openId) ?? null;
  const name = (a: Annotation, text = displayName(a, lang)) => (
    <button
      type="button"
      class="annotation-list-name"
      data-annotation-ref={a.id}
      aria-expanded={openId === a.id}
      aria-controls={CARD_ID}
      onClick={() => setOpenId(openId === a.id ? null : a.id)}
    >
      {text}
    </button>
  );
  return (
    <section class="annotation-list" lang={lang} aria-label={[words.bannedIntro, words.agentsIntro].join(' ')}>
      {banned.length > 0 && (
        <p class="annotation-list-line" data-kind="banned">
          {words.bannedIntro}{' '}
          {banned.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ', '}
              {name(a)} ({categoryWords(a, lang)})
            </span>
          ))}
        </p>
      )}
      {agents.length > 0 && (
        <p class="annotation-list-line" data-kind="foreign-agent">
          {words.agentsIntro}{' '}
          {agents.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ', '}
              {name(a)}
            </span>
          ))}
        </p>
      )}
      {notices.map((a) => (
        <p key={a.id} class="annotation-list-line" data-kind="foreign-agent">
          {words.noticeIntro}
          {a.label ? ': ' : ' ('}
          {name(a, a.label || words.details)}
          {a.label ? '' : ')'}
        </p>
      ))}
      <p class="annotation-list-asof">{words.asOf}</p>
      <div id={CARD_ID} class="annotation-card" hidden={!open}>
        {open && <AnnotationNote annotation={open} lang={lang} showAsOf={false} />}
      </div>
    </section>
  );
}
