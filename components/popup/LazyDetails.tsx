import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A <details> whose content is built only once opened: a heavy page's full host list would otherwise cost
 * the popup's first render for rows nobody asked to see. `onOpen`: the content needs data the first screen did not
 * ask for (the page's hosts).
 */
export function LazyDetails(props: { class?: string; testId?: string; summary: ComponentChildren; onOpen?: () => void; children: () => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const toggle = (now: boolean) => {
    setOpen(now);
    if (now) props.onOpen?.();
  };
  return (
    <details class={props.class} data-testid={props.testId} onToggle={(e) => toggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{props.summary}</summary>
      {open && props.children()}
    </details>
  );
}
