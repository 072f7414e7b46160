import { encryptionLine, type EncryptionSummary } from '@/utils/report/encryption';
import type { Translate } from '../shared/translate';
import { ShownList } from './ShownList';
import { formatNumber } from '@/utils/i18n/plural';

/** The clear-text companies shown before "Show all". */
const TOP_CLEAR = 5;

/**
 * Encryption at a glance: the one-line summary, then, prominently, every clear-text request by company (its
 * content crossed the network readable). Says plainly where the browser gives no connection details, and
 * points to the DNS settings when the browser's own lookups were not private.
 */
export function EncryptionPanel(props: { summary: EncryptionSummary; dnsSettingsUrl: string; t: Translate }) {
  const { summary: s, t } = props;
  return (
    <section class="encryption" aria-labelledby="enc-heading">
      <h2 id="enc-heading">{t('encHeading')}</h2>
      <p data-testid="encryption">{encryptionLine(s, t)}</p>
      {s.clearByCompany.length > 0 && (
        <div class="clear-text" data-testid="clear-text" role="group" aria-label={t('encClearHeading')}>
          <h3>{t('encClearHeading')}</h3>
          <ShownList items={s.clearByCompany} top={TOP_CLEAR} t={t} testId="more-clear-text">
            {(shown) => (
              <ul>
                {shown.map((group) => (
                  <li key={group.company ?? ''} data-clear-company={group.company ?? ''} data-clear-requests={group.requests}>
                    <strong>{group.company ?? t('encUnknownOwner')}</strong> ({formatNumber(group.requests, t)}):{' '}
                    {group.hosts.map((h) => `${h.host} (${formatNumber(h.requests, t)})`).join(', ')}
                  </li>
                ))}
              </ul>
            )}
          </ShownList>
        </div>
      )}
      {!s.connectionDetails && <p class="note">{t('encChromeNote')}</p>}
      {s.connectionDetails && s.secured > 0 && s.privateDns < s.secured && (
        <p class="note">
          <a href={props.dnsSettingsUrl} target="_blank" rel="noopener" data-testid="dns-advice">
            {t('encDnsAdvice')}
          </a>
        </p>
      )}
    </section>
  );
}
