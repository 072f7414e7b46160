import { useState } from 'preact/hooks';
import type { CompanyShare } from '@/utils/messages/page-messages';
import type { CompanyChoice as Choice } from '@/utils/rules/site-policy';
import { CompanyChoice } from './CompanyChoice';
import { HostsLoading } from './HostsLoading';
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

/** A company's hosts, most requested first; undefined until the page's hosts have been asked for (`onOpen`). */
export interface CompanyHosts {
  of: (company: string) => readonly string[] | undefined;
  onOpen: () => void;
}

/** Companies by requests, each with a share bar, categories and blocked/allowed; expands to its hosts. */
export function CompanyList(props: { companies: CompanyShare[]; hosts: CompanyHosts; control?: ChoiceControl; t: Translate }) {
  const { companies, t } = props;
  return (
    <ShownList items={companies} top={FIRST_SHOWN} t={t} testId="more-companies" moreKey="showAllCompanies">
      {(shown) => (
        <ul class="companies" data-testid="companies">
          {shown.map((c) => (
            <CompanyRow key={c.name} company={c} hosts={props.hosts} control={props.control} t={t} />
          ))}
        </ul>
      )}
    </ShownList>
  );
}

function CompanyRow(props: { company: CompanyShare; hosts: CompanyHosts; control?: ChoiceControl; t: Translate }) {
  const { company: c, t } = props;
  const [open, setOpen] = useState(false);
  const toggle = () => {
    setOpen(!open);
    if (!open) props.hosts.onOpen();
  };
  const hosts = open ? props.hosts.of(c.name) : undefined;
  const hostsId = `hosts-${c.name.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <li data-company={c.name} data-requests={c.requests} data-share={c.share} data-blocked={c.blocked}>
      <div class="company-row">
        <button type="button" class="company" aria-expanded={open} aria-controls={hostsId} onClick={toggle}>
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
      {open && hosts && (
        <ul id={hostsId} class="company-hosts">
          {hosts.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      {open && !hosts && (
        <div id={hostsId}>
          <HostsLoading t={t} />
        </div>
      )}
    </li>
  );
}
