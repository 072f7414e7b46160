import { useEffect, useRef, useState } from 'preact/hooks';

export interface MenuChoice<V extends string> {
  value: V;
  label: string;
}

/**
 * A menu opened on demand: one small button per row instead of a select box on every row. The button says the
 * current choice to screen readers (its label) and, when it is not the default, on screen too. The menu follows
 * the WAI-ARIA menu button pattern (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): Enter, Space or
 * ArrowDown open it on the current choice; arrows, Home and End move; Enter or Space choose; Escape and Tab
 * close it and focus returns to the button.
 */
export function ChoiceMenu<V extends string>(props: {
  /** What the menu is about, e.g. "Google on this site". */
  label: string;
  choices: readonly MenuChoice<V>[];
  value: V;
  /** The value whose choice is not shown on screen (the default). */
  quiet: V;
  onChange: (value: V) => void;
  class?: string;
}) {
  const { choices, value } = props;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const current = choices.find((c) => c.value === value) ?? choices[0];

  const focusItem = (index: number) => {
    const items = list.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]');
    if (!items?.length) return;
    items[(index + items.length) % items.length]?.focus();
  };
  useEffect(() => {
    if (open) focusItem(Math.max(0, choices.findIndex((c) => c.value === value)));
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (v: V) => {
    close(true);
    if (v !== value) props.onChange(v);
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusItem(at + 1),
      ArrowUp: () => focusItem(at - 1),
      Home: () => focusItem(0),
      End: () => focusItem(items.length - 1),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const action = keys[e.key];
    if (!action) return;
    if (e.key !== 'Tab') e.preventDefault();
    action();
  };

  return (
    <div class={`choice-menu ${props.class ?? ''}`} data-choice-value={value}>
      <button
        ref={button}
        type="button"
        class="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`${props.label}: ${current?.label ?? ''}`}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {value !== props.quiet && <span class="menu-value">{current?.label}</span>}
        <span aria-hidden="true" class="menu-dots">⋯</span>
      </button>
      {open && (
        <ul ref={list} role="menu" aria-label={props.label} onKeyDown={onMenuKey} onFocusOut={(e) => {
          if (!list.current?.contains(e.relatedTarget as Node | null) && e.relatedTarget !== button.current) setOpen(false);
        }}>
          {choices.map((c) => (
            <li
              key={c.value}
              role="menuitemradio"
              aria-checked={c.value === value}
              tabIndex={-1}
              data-choice={c.value}
              onClick={() => choose(c.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  choose(c.value);
                }
              }}
            >
              {c.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
