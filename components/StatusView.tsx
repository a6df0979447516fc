import type { ComponentChildren } from 'preact';

export function StatusView(props: { title: string; body?: string; state: string; children?: ComponentChildren }) {
  return (
    <section class="status" data-state={props.state} role="status">
      <h1>{props.title}</h1>
      {props.body && <p>{props.body}</p>}
      {props.children}
    </section>
  );
}
