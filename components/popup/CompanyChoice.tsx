import type { CompanyChoice as Choice } from '@/utils/rules/site-policy';
import type { Translate } from '../shared/translate';

/** Allow or block one company on this site, or leave it to the site's policy. */
export function CompanyChoice(props: { company: string; choice: Choice | undefined; onChange: (choice: Choice | 'default') => void; t: Translate }) {
  const { t } = props;
  return (
    <select
      class="company-choice"
      aria-label={t('companyChoiceLabel', [props.company])}
      value={props.choice ?? 'default'}
      onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as Choice | 'default')}
    >
      <option value="default">{t('companyChoiceDefault')}</option>
      <option value="allow">{t('companyChoiceAllow')}</option>
      <option value="block">{t('companyChoiceBlock')}</option>
    </select>
  );
}
