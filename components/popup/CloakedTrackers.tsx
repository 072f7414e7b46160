import type { Evictions } from '@/utils/cname/cloak-book';
import type { CloakFinding } from '@/utils/cname/detect-cloak';
import { MAX_CLOAK_RULES } from '@/utils/cname/cloak-rules';
import { categoryName } from '../shared/format';
import type { Translate } from '../shared/translate';
import { counted, formatNumber } from '@/utils/i18n/plural';

/**
 * Hosts that hid a tracker behind a CNAME ("cloaked tracker: metrics.shop.example → Adobe (via CNAME)"), and a
 * notice when learned cloak rules had to be dropped to stay within the rule limit.
 */
export function CloakedTrackers(props: { cloaks: CloakFinding[]; evictions: Evictions | null; t: Translate }) {
  const { cloaks, evictions, t } = props;
  if (cloaks.length === 0 && !evictions) return null;
  return (
    <section aria-labelledby="cloaks-heading" data-testid="cloaks">
      <h2 id="cloaks-heading">{t('cloaksHeading')}</h2>
      <ul class="cloaks">
        {cloaks.map((c) => (
          <li key={c.host} data-cloak={c.host} data-cloak-company={c.organization} title={[c.host, ...c.cnameChain].join(' → ')}>
            {t('cloakedTracker', [c.host, c.organization])}
            <span class="meta">{` · ${categoryName(c.category, t)} · ${c.target}`}</span>
          </li>
        ))}
      </ul>
      {evictions && (
        <p class="notice" role="status" data-testid="cloak-evictions">
          {counted(t, 'cloakEvictions', evictions.total, [formatNumber(MAX_CLOAK_RULES, t), evictions.recent.map((e) => e.host).join(', ')])}
        </p>
      )}
    </section>
  );
}
