import type { CompanionPageView } from '@/utils/companion/companion-lookups';
import type { Translate } from '../shared/translate';
import { formatNumber } from '@/utils/i18n/plural';

/**
 * The browser's own lookups of this page while the companion is switched on (TabView.companion): connected, where
 * the page's names went ("Looked up by Firefox through the companion: 3 sent to Quad9 Foundation"); starting or
 * lost, what the browser does meanwhile. While the companion is off nothing shows here, and PageLookups keeps
 * saying that the browser's own lookups are not routed.
 */
export function CompanionLookups(props: { view: CompanionPageView; t: Translate; firefox?: boolean }) {
  const { view, t } = props;
  const browserName = (props.firefox ?? import.meta.env.FIREFOX) ? 'Firefox' : 'Chrome';
  if (view.state === 'connected') {
    const sent = view.resolvers.map((r) => t('companionPageSent', [formatNumber(r.names, t), r.operator ?? r.label]));
    if (view.unsent > 0) sent.push(t('companionPageUnsent', [formatNumber(view.unsent, t)]));
    return (
      <p class="companion-lookups" data-testid="companion-lookups" data-state="connected" data-names={view.names}>
        {t('companionPageLead', [browserName])}{' '}
        {sent.length > 0 ? sent.join(', ') : t('companionPageNone')}
      </p>
    );
  }
  if (view.state === 'off') return null;
  const key = view.state === 'starting' ? 'companionPageStarting' : 'companionPageLost';
  const meanwhile = t(view.onLoss === 'block' ? 'companionPageBlocked' : 'companionPageDirect', [browserName]);
  return (
    <p class="note companion-lookups" data-testid="companion-lookups" data-state={view.state} role="status">
      {t(key, [view.error ?? t('companionStopped')])} {meanwhile}
    </p>
  );
}
