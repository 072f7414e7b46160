import type { Translate } from '../shared/translate';
import { ShownList } from './ShownList';
import { formatNumber } from '@/utils/i18n/plural';

/** The hosts shown before "Show all": the most requested. */
const TOP_HOSTS = 10;

/** The hosts a page load contacted with their request counts, most requested first. */
export function HostTable(props: { hosts: { host: string; requests: number }[]; t: Translate }) {
  const { t } = props;
  return (
    <ShownList items={props.hosts} top={TOP_HOSTS} t={t} testId="more-hosts">
      {(shown) => (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('popupColumnHost')}</th>
              <th scope="col" class="count">{t('popupColumnRequests')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((h) => (
              <tr key={h.host} data-host={h.host} data-requests={h.requests}>
                <th scope="row">{h.host}</th>
                <td class="count">{formatNumber(h.requests, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ShownList>
  );
}
