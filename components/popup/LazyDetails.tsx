import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A <details> whose content is built only once opened: a heavy page's full host list would otherwise cost
 * the popup's first render for rows nobody asked to see.
 */
export function LazyDetails(props: { class?: string; testId?: string; summary: ComponentChildren; children: () => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <details class={props.class} data-testid={props.testId} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{props.summary}</summary>
      {open && props.children()}
    </details>
  );
}
