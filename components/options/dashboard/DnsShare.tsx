import { useEffect, useState } from 'preact/hooks';
import type { DnsStatus } from '@/utils/messages/dns-messages';
import { percent } from '../../shared/format';
import type { Translate } from '../../shared/translate';
import { formatNumber } from '@/utils/i18n/plural';

/**
 * Each resolver's share of the distinct sites Diffuse's own lookups were made for, from the resolver pool's
 * exposure ledger (which keeps sites only as keyed hashes). Shown only when the background answers `dns.status`.
 * Read again at each `generation`: deleting history or shortening retention prunes the ledger too.
 */
export function DnsShare(props: { status: () => Promise<DnsStatus>; generation: number; t: Translate }) {
  const { t } = props;
  const [status, setStatus] = useState<DnsStatus | null>(null);
  useEffect(() => {
    props.status().then(setStatus, () => setStatus(null));
  }, [props.generation]);
  if (!status) return null;
  const resolvers = [...status.resolvers].sort((a, b) => b.exposure.siteShare - a.exposure.siteShare);
  return (
    <section class="dash-panel" aria-labelledby="dash-dns-heading">
      <h3 id="dash-dns-heading">{t('dashDnsHeading')}</h3>
      <p class="intro">{t('dashDnsExplain')}</p>
      <ul class="dash-dns">
        {resolvers.map((r) => (
          <li key={r.url} data-resolver={r.label} data-site-share={r.exposure.siteShare} data-sites={r.exposure.sites}>
            <span>{t('dashDnsLine', [r.info?.operator ?? r.label, percent(r.exposure.siteShare, t), formatNumber(r.exposure.sites, t)])}</span>
            <span class="dash-meter" aria-hidden="true"><span style={{ width: `${Math.round(r.exposure.siteShare * 100)}%` }} /></span>
          </li>
        ))}
      </ul>
    </section>
  );
}
