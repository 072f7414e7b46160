import type { SiteMode } from '@/utils/rules/site-policy';
import type { Translate } from '../shared/translate';

const MODES: { mode: SiteMode; label: string; help: string }[] = [
  { mode: 'default', label: 'policyDefault', help: 'policyDefaultHelp' },
  { mode: 'off', label: 'policyOff', help: 'policyOffHelp' },
  { mode: 'strict', label: 'policyStrict', help: 'policyStrictHelp' },
];

/**
 * The site's protection mode as a radio group: arrow keys move between modes, each with its explanation. Disabled,
 * with a note, while a fleet's policy sets it (docs/managed.md).
 */
export function PolicySwitch(props: { mode: SiteMode; onChange: (mode: SiteMode) => void; managed?: boolean; t: Translate }) {
  const { t } = props;
  return (
    <fieldset class="policy" data-testid="policy" disabled={props.managed}>
      <legend>{t('policyLegend')}</legend>
      {MODES.map(({ mode, label, help }) => (
        <label key={mode} title={t(help)}>
          <input type="radio" name="policy" value={mode} checked={props.mode === mode} onChange={() => props.onChange(mode)} />
          {t(label)}
        </label>
      ))}
      {props.managed && <p class="help" role="note" data-testid="policy-managed">{t('policyManagedNote')}</p>}
      <p class="help">{t(MODES.find((m) => m.mode === props.mode)?.help ?? 'policyDefaultHelp')}</p>
    </fieldset>
  );
}
