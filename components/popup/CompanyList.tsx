import { useState } from 'preact/hooks';
import type { OrganizationReport } from '@/utils/report/page-report';
import type { CompanyChoice as Choice } from '@/utils/rules/site-policy';
import { CompanyChoice } from './CompanyChoice';
import { ShownList } from './ShownList';
import { categoryName, percent } from '../shared/format';
import type { Translate } from '../shared/translate';
import { counted, formatNumber } from '@/utils/i18n/plural';

/** The popup opens with the biggest companies; the long tail of a heavy page waits for a click. */
const FIRST_SHOWN = 25;

/** Per-company choices on this site and how to change one; absent where choices are not offered. */
export interface ChoiceControl {
  choices: Record<string, Choice>;
  onChange: (company: string, choice: Choice | 'default') => void;
}

/** Companies by requests, each with a share bar, categories and blocked/allowed; expands to its hosts. */
export function CompanyList(props: { companies: OrganizationReport[]; control?: ChoiceControl; t: Translate }) {
  const { companies, t } = props;
  return (
    <ShownList items={companies} top={FIRST_SHOWN} t={t} testId="more-companies" moreKey="showAllCompanies">
      {(shown) => (
        <ul class="companies" data-testid="companies">
          {shown.map((c) => (
            <CompanyRow key={c.name} company={c} control={props.control} t={t} />
          ))}
        </ul>
      )}
    </ShownList>
  );
}

function CompanyRow(props: { company: OrganizationReport; control?: ChoiceControl; t: Translate }) {
  const { company: c, t } = props;
  const [open, setOpen] = useState(false);
  const hostsId = `hosts-${c.name.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <li data-company={c.name} data-requests={c.requests} data-share={c.share} data-blocked={c.blocked}>
      <div class="company-row">
        <button type="button" class="company" aria-expanded={open} aria-controls={hostsId} onClick={() => setOpen(!open)}>
          <span class="name">{c.name}</span>
          <span class="share">{percent(c.share, t)}</span>
          <span class="bar" role="img" aria-label={t('companyShareLabel', [percent(c.share, t)])}>
            <span style={{ width: `${Math.max(1, Math.round(c.share * 100))}%` }} />
          </span>
          <span class="meta">
            {counted(t, 'companyRequests', c.requests)}
            {' · '}
            {c.categories.map((id) => categoryName(id, t)).join(', ')}
            {' · '}
            {t('companyBlockedAllowed', [formatNumber(c.blocked, t), formatNumber(c.requests - c.blocked, t)])}
          </span>
        </button>
        {props.control && (
          <CompanyChoice company={c.name} choice={props.control.choices[c.name]} onChange={(choice) => props.control?.onChange(c.name, choice)} t={t} />
        )}
      </div>
      {open && (
        <ul id={hostsId} class="company-hosts">
          {c.hosts.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
