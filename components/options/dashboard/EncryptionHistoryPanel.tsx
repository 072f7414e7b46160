import type { EncryptionHistory } from '@/utils/history/encryption-history';
import { percent } from '../../shared/format';
import type { Translate } from '../../shared/translate';
import { counted, formatNumber } from '@/utils/i18n/plural';

/**
 * Clear text over the range: the share each company received in clear text, and per day; where the browser
 * described connections (Firefox), the shares with private DNS and with Encrypted Client Hello.
 */
export function EncryptionHistoryPanel(props: { encryption: EncryptionHistory; t: Translate }) {
  const { encryption: e, t } = props;
  return (
    <div class="dash-encryption" data-testid="dash-encryption">
      <p data-clear={e.clear} data-requests={e.requests}>
        {e.requests === 0 ? t('dashEncNone') : counted(t, 'dashEncClear', e.requests, [formatNumber(e.clear, t), percent(e.clear / e.requests, t)])}
      </p>
      {e.byCompany.length > 0 && (
        <table class="dash-table">
          <caption>{t('dashEncByCompany')}</caption>
          <thead>
            <tr><th scope="col">{t('dashEncCompany')}</th><th scope="col" class="n">{t('dashEncClearCol')}</th><th scope="col" class="n">{t('dashEncShareCol')}</th></tr>
          </thead>
          <tbody>
            {e.byCompany.map((c) => (
              <tr key={c.company ?? ''} data-enc-company={c.company ?? ''} data-enc-clear={c.clear}>
                <th scope="row">{c.company ?? t('encUnknownOwner')}</th>
                <td class="n">{formatNumber(c.clear, t)}</td>
                <td class="n">{percent(c.clearShare, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {e.perDay.some((d) => d.clear > 0) && (
        <details>
          <summary>{t('dashEncPerDay')}</summary>
          <table class="dash-table">
            <tbody>
              {e.perDay.map((d) => (
                <tr key={d.day}><th scope="row">{d.day}</th><td class="n">{d.requests > 0 ? percent(d.clear / d.requests, t) : '–'}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <p class="intro" data-testid="dash-connections">
        {e.connections > 0
          ? counted(t, 'dashEncConnections', e.connections, [percent(e.privateDnsShare, t), percent(e.echShare, t), percent(e.tls13Share, t)])
          : t('dashEncNoConnections')}
      </p>
    </div>
  );
}
