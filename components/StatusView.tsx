import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon.tsx';

/** A whole-popup message instead of an article: what happened, why, and what to do next. */
export function StatusView(props: {
  state: string;
  icon: IconName;
  title: string;
  body?: string;
  detail?: string | null;
  children?: ComponentChildren;
}) {
  return (
    <section class="status" data-state={props.state} role="status" aria-live="polite">
      <div class="status-icon">
        <Icon name={props.icon} size={28} />
      </div>
      <h1 class="status-title">{props.title}</h1>
      {props.body && <p class="status-body">{props.body}</p>}
      {props.detail && <p class="status-detail">{props.detail}</p>}
      {props.children && <div class="status-actions">{props.children}</div>}
    </section>
  );
}
