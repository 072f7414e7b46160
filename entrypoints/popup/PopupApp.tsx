import { useEffect, useState } from 'preact/hooks';
import type { Contract } from '@/utils/messages/contract';
import type { PageLoadView } from '@/utils/pageload/model';
import { HostTable } from '@/components/HostTable';
import type { Translate } from '@/components/translate';

type Call = <T extends keyof Contract>(type: T, request: Contract[T]['request']) => Promise<Contract[T]['response']>;

/** While open, the popup refreshes so requests that arrive after it opened show up. */
const REFRESH_MS = 1000;

export function PopupApp(props: { tabId: Promise<number | null>; call: Call; t: Translate }) {
  const { t } = props;
  const [view, setView] = useState<PageLoadView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const tabId = await props.tabId;
        const next = tabId === null ? null : await props.call('pageLoad.get', { tabId });
        if (!live) return;
        setView(next);
        setError(null);
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
      }
    };
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  const requests = view?.hosts.reduce((sum, h) => sum + h.requests, 0) ?? 0;
  return (
    <main aria-busy={view === undefined}>
      <h1>{t('popupTitle')}</h1>
      {error && <p class="error" role="alert">{t('popupError', [error])}</p>}
      {view === null && <p>{t('popupNoPage')}</p>}
      {view && (
        <>
          <p class="site" data-testid="site">{view.pageLoad.site}</p>
          <p aria-live="polite" data-testid="summary">
            {t('popupHostsSummary', [String(view.hosts.length), String(requests)])}
          </p>
          <HostTable hosts={view.hosts} t={t} />
        </>
      )}
    </main>
  );
}
