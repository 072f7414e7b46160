import { useEffect, useRef, useState } from 'preact/hooks';
import type { DnsConfigErrors, DnsConfigRequest, DnsMessages, DnsStatus } from '@/utils/messages/dns-messages';
import type { Translate } from '../../shared/translate';
import { AddResolver } from './AddResolver';
import { PoolChoices } from './PoolChoices';
import { FormerResolvers, ResolverList } from './ResolverList';
import { ManagedPolicy, RoutingExplanation } from './SecureDnsHelp';
import './dns.css';

export type DnsCall = <T extends keyof DnsMessages>(type: T, request: DnsMessages[T]['request']) => Promise<DnsMessages[T]['response']>;

/** Health and the ledger change with every lookup the background makes; re-read them while the page is shown. */
const REFRESH_MS = 5000;

/**
 * "DNS": the resolver pool's resolvers with health and what each was sent, the choices that shape it, and what
 * it does not cover (the browser's own lookups) with help to cover those too. The background's answer to each
 * change is the new truth shown here; a refused change shows its message beside the field and changes nothing.
 */
export function DnsSection(props: { call: DnsCall; t: Translate }) {
  const { call, t } = props;
  const [status, setStatus] = useState<DnsStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<DnsConfigErrors>({});
  const [busy, setBusy] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const refresh = () =>
    call('dns.status', {}).then(
      (next) => {
        setStatus(next);
        setFailure(null);
      },
      (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)),
    );

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => document.visibilityState === 'visible' && void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  /** Sends a change; true when it was applied. */
  const configure = async (request: DnsConfigRequest): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await call('dns.configure', request);
      if (!result.ok) {
        setErrors(result.errors);
        return false;
      }
      setStatus(result.status);
      setErrors({});
      setFailure(null);
      return true;
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const urls = status?.resolvers.map((r) => r.url) ?? [];
  const remove = async (url: string) => {
    // The removed row's button disappears with it: put focus somewhere that makes sense, not on <body>.
    if (await configure({ resolvers: urls.filter((u) => u !== url) })) listHeading.current?.focus();
  };
  const add = (url: string) => configure({ resolvers: [...urls, url] });
  const clearLedger = () => call('dns.clearLedger', {}).then(setStatus, (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));

  const locked = (status?.managed.length ?? 0) > 0;
  return (
    <section class="dns" aria-labelledby="dns-heading" aria-busy={status === null || busy}>
      <h2 id="dns-heading">{t('dnsHeading')}</h2>
      <RoutingExplanation t={t} />
      {failure && (
        <p class="error" role="alert">
          {t('dnsLoadError', [failure])}
        </p>
      )}
      {status === null && !failure && <p>{t('dnsLoading')}</p>}
      {status && (
        <>
          {status.problems.map((problem) => (
            <p key={problem} class="dns-problem" role="status" data-testid="dns-problem">
              {problem}
            </p>
          ))}
          <h3 id="dns-resolvers-heading" ref={listHeading} tabIndex={-1}>
            {t('dnsResolversHeading')}
          </h3>
          <p class="intro">{t('dnsLedgerNote')}</p>
          {locked && (
            <p class="managed-note" role="note" data-testid="dns-managed">
              {t('dnsManagedNote')}
            </p>
          )}
          <ResolverList status={status} busy={busy || locked} onRemove={remove} t={t} />
          <FormerResolvers status={status} t={t} />
          <p class="dns-actions">
            <button type="button" data-testid="dns-refresh" onClick={() => void refresh()}>
              {t('dnsRefresh')}
            </button>
            <button type="button" onClick={() => void clearLedger()} aria-describedby="dns-clear-help">
              {t('dnsClearLedger')}
            </button>
            <span class="help" id="dns-clear-help">
              {t('dnsClearLedgerHelp')}
            </span>
          </p>
          <AddResolver presets={status.presets} busy={busy || locked} onAdd={add} error={errors.resolvers} t={t} />
          <PoolChoices status={status} busy={busy || locked} errors={errors} onChange={configure} t={t} />
          <ManagedPolicy resolvers={urls} t={t} />
        </>
      )}
    </section>
  );
}
