import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { counted } from '@/utils/i18n/plural';
import type { Translate } from '../shared/translate';

/**
 * A long list summarised: its top entries, and a "Show all N" button for the rest (a heavy page's hosts,
 * operators or resolvers would otherwise run the popup to thousands of pixels). The button stays a button after
 * it is pressed ("Show the top N only"), so keyboard users can fold the list back.
 */
export function ShownList<T>(props: { items: readonly T[]; top: number; t: Translate; testId?: string; moreKey?: string; children: (shown: readonly T[]) => ComponentChildren }) {
  const { items, top, t } = props;
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, top);
  return (
    <>
      {props.children(shown)}
      {items.length > top && (
        <button type="button" class="more" data-testid={props.testId} aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? counted(t, 'showTop', top) : counted(t, props.moreKey ?? 'showAll', items.length)}
        </button>
      )}
    </>
  );
}
