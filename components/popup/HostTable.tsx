import type { Translate } from '../shared/translate';

/** The hosts a page load contacted with their request counts, most requested first. */
export function HostTable(props: { hosts: { host: string; requests: number }[]; t: Translate }) {
  const { t } = props;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('popupColumnHost')}</th>
          <th scope="col" class="count">{t('popupColumnRequests')}</th>
        </tr>
      </thead>
      <tbody>
        {props.hosts.map((h) => (
          <tr key={h.host} data-host={h.host} data-requests={h.requests}>
            <th scope="row">{h.host}</th>
            <td class="count">{h.requests}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
