import type { OperatorReach } from '@/utils/history/history-view';
import { percent } from '../../shared/format';
import type { Translate } from '../../shared/translate';
import { counted } from '@/utils/i18n/plural';

/** Infrastructure operators ranked by reach: who served the sites visited, the sites' own hosts included. */
export function OperatorsList(props: { operators: OperatorReach[]; t: Translate }) {
  const { operators, t } = props;
  if (operators.length === 0) return <p class="dash-empty">{t('dashOperatorsNone')}</p>;
  return (
    <ol class="dash-operators" data-testid="dash-operators">
      {operators.map((o) => (
        <li key={o.name} data-operator={o.name} data-sites={o.sites} data-reach={o.reach}>
          {counted(t, 'dashOperatorLine', o.requests, [o.name, percent(o.reach, t)])}
        </li>
      ))}
    </ol>
  );
}
