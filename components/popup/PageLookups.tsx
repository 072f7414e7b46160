import { Fragment } from 'preact';
import type { KeptGroup, PageLookupsView } from '@/utils/dns/views/page-lookups';
import type { Translate } from '../shared/translate';
import { counted } from '@/utils/i18n/plural';
import { ShownList } from './ShownList';

/** The kept groups in the order the line names them: the many first, the page's own name last. */
const KEPT_ORDER: readonly KeptGroup[] = ['third-party', 'known-tracker', 'private', 'address', 'page-host'];


/** The resolvers shown before "Show all". */
const TOP_RESOLVERS = 5;

/**
 * Who learnt this site because of Diffuse's own lookups for this page load (the per-page face of the exposure
 * ledger): the pool resolvers that were sent names, or no one new when only Firefox's own resolver was asked,
 * or no one at all; and what Diffuse kept to itself, by why. It says plainly that the browser looked the names
 * up itself, through its own setting (an extension cannot route those), and links to the resolver settings;
 * `browserRouted` (the companion is connected) drops that sentence: CompanionLookups says where they went instead.
 */
export function PageLookups(props: { view: PageLookupsView; dnsSettingsUrl: string; t: Translate; browserRouted?: boolean }) {
  const { view, t } = props;
  const kept = KEPT_ORDER.flatMap((group) => {
    const count = view.kept[group] ?? 0;
    return count > 0 ? [{ group, count }] : [];
  });
  if (view.hosts === 0 && view.browser === 0 && kept.length === 0) return null;
  return (
    <section aria-labelledby="lookups-heading" data-testid="dns-lookups">
      <h2 id="lookups-heading">{t('lookupsHeading')}</h2>
      {view.resolvers.length > 0 && (
        <>
          <p data-testid="dns-lookups-learnt">{t('lookupsLearnt')}</p>
          <ShownList items={view.resolvers} top={TOP_RESOLVERS} t={t} testId="more-resolvers">
            {(shown) => (
              <ul class="resolvers">
                {shown.map((r) => (
                  <li key={r.url} data-resolver={r.url} data-hosts={r.hosts} title={r.url}>
                    <span class="name">{r.operator ?? r.label}</span>
                    {r.country && <span class="meta">{` (${r.country})`}</span>}
                    <span class="meta">{` · ${counted(t, 'lookupsNames', r.hosts)}`}</span>
                  </li>
                ))}
              </ul>
            )}
          </ShownList>
        </>
      )}
      {view.browser > 0 &&
        (view.resolvers.length === 0 ? (
          <p data-testid="dns-lookups-no-one-new">{counted(t, 'lookupsNoOneNew', view.browser)}</p>
        ) : (
          <p class="note" data-testid="dns-lookups-browser">{counted(t, 'lookupsBrowserToo', view.browser)}</p>
        ))}
      {view.hosts === 0 && <p data-testid="dns-lookups-none">{t('lookupsNone')}</p>}
      {kept.length > 0 && (
        <p class="note" data-testid="dns-lookups-kept">
          {t('lookupsKept')}{' '}
          {kept.map(({ group, count }, i) => (
            <Fragment key={group}>
              {i > 0 && ', '}
              <span data-kept={group} data-count={count}>{counted(t, `lookupsKept_${group.replace('-', '_')}`, count)}</span>
            </Fragment>
          ))}
        </p>
      )}
      {view.failed > 0 && <p class="note" data-testid="dns-lookups-failed">{counted(t, 'lookupsFailed', view.failed)}</p>}
      <p class="note" data-testid="dns-lookups-browser-own">
        {!props.browserRouted && <>{t('lookupsBrowserOwn')}{' '}</>}
        <a href={props.dnsSettingsUrl} target="_blank" rel="noopener">{t('lookupsSettings')}</a>
      </p>
    </section>
  );
}
