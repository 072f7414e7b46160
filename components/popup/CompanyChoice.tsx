import type { CompanyChoice as Choice } from '@/utils/rules/site-policy';
import { ChoiceMenu } from './ChoiceMenu';
import type { Translate } from '../shared/translate';

/**
 * Allow or block one company on this site, or leave it to the site's policy: a menu opened on demand from the
 * company's row (more per-company choices belong in this menu too).
 */
export function CompanyChoice(props: { company: string; choice: Choice | undefined; onChange: (choice: Choice | 'default') => void; t: Translate }) {
  const { t } = props;
  return (
    <ChoiceMenu<Choice | 'default'>
      class="company-choice"
      label={t('companyChoiceLabel', [props.company])}
      choices={[
        { value: 'default', label: t('companyChoiceDefault') },
        { value: 'allow', label: t('companyChoiceAllow') },
        { value: 'block', label: t('companyChoiceBlock') },
      ]}
      value={props.choice ?? 'default'}
      quiet="default"
      onChange={props.onChange}
    />
  );
}
