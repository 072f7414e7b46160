import { useEffect, useState } from 'preact/hooks';
import type { CompanionMessages, CompanionSetRequest, CompanionStatus } from '@/utils/messages/companion-messages';
import type { Translate } from '../../shared/translate';

export type CompanionCall = <T extends keyof CompanionMessages>(type: T, request: CompanionMessages[T]['request']) => Promise<CompanionMessages[T]['response']>;

/** The state changes when the companion starts, stops or is lost: re-read it often while the page is shown. */
const REFRESH_MS = 2000;

/**
 * "The companion": the switch that sends the browser's own lookups through the Diffuse companion (a program on this
 * computer, docs/companion.md), the choice to block rather than go direct when it is lost, its state, and what it
 * costs. Switching on first asks the browser for the permissions: `requestPermissions` must be called in the click
 * itself (browsers accept permissions.request only during a user action), so it runs before anything is awaited.
 */
export function CompanionSection(props: { call: CompanionCall; requestPermissions: () => Promise<boolean>; t: Translate; firefox?: boolean }) {
  const { call, t } = props;
  const firefox = props.firefox ?? import.meta.env.FIREFOX;
  const browserName = firefox ? 'Firefox' : 'Chrome';
  const [status, setStatus] = useState<CompanionStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (p: Promise<CompanionStatus>) =>
    p.then(
      (next) => {
        setStatus(next);
        setFailure(null);
      },
      (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)),
    );

  useEffect(() => {
    const refresh = () => document.visibilityState === 'visible' && void show(call('companion.status', {}));
    void show(call('companion.status', {}));
    const timer = setInterval(refresh, REFRESH_MS);
    // Shown again (another tab was in front): the state now, not up to REFRESH_MS later.
    document.addEventListener('visibilitychange', refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, []);

  const change = async (request: CompanionSetRequest, permission?: Promise<boolean>) => {
    setBusy(true);
    try {
      if (permission && !(await permission.catch(() => false))) {
        setFailure(t('companionPermissionRefused'));
        return;
      }
      await show(call('companion.set', request));
    } finally {
      setBusy(false);
    }
  };

  const onSwitch = (enabled: boolean) => {
    // Synchronously, in the click: asked for only when switching on.
    const permission = enabled ? props.requestPermissions() : undefined;
    void change({ enabled }, permission);
  };

  const enabled = status?.enabled ?? false;
  return (
    <section id="companion" class="companion" aria-labelledby="companion-heading" aria-busy={status === null}>
      <h2 id="companion-heading">{t('companionHeading')}</h2>
      <p class="intro">{t('companionIntro', [browserName])}</p>
      {failure && <p class="error" role="alert">{t('companionError', [failure])}</p>}
      <ul class="settings">
        <li class="setting" data-setting="companion" data-enabled={String(enabled)} data-state={status?.state ?? 'off'} aria-busy={busy}>
          <div class="text">
            <label class="name" for="companion-switch">{t('companionSwitch')}</label>
            <p class="help" id="companion-help">{t('companionHelp', [browserName])}</p>
            {status && <StateLine status={status} t={t} />}
            {status?.managed && (
              <p class="help" role="note" data-testid="companion-managed">
                {t('companionManagedNote')}
              </p>
            )}
            {status && showInstall(status) && (
              <p class="help" data-testid="companion-install">
                {t('companionInstall')} <code>{`npm run -s companion:install -- --browser ${firefox ? 'firefox' : chromeKind()}`}</code>
              </p>
            )}
          </div>
          <input
            type="checkbox"
            role="switch"
            id="companion-switch"
            class="switch"
            checked={enabled}
            disabled={busy || status === null || status.managed}
            aria-describedby="companion-help companion-state"
            onChange={(e) => onSwitch((e.currentTarget as HTMLInputElement).checked)}
          />
        </li>
        <li class="setting" data-setting="companion-on-loss" data-on-loss={status?.onLoss ?? 'direct'}>
          <div class="text">
            <label class="name" for="companion-block">{t('companionBlock')}</label>
            <p class="help" id="companion-block-help">{t('companionBlockHelp', [browserName])}</p>
          </div>
          <input
            type="checkbox"
            role="switch"
            id="companion-block"
            class="switch"
            checked={status?.onLoss === 'block'}
            disabled={busy || status === null}
            aria-describedby="companion-block-help"
            onChange={(e) => void change({ onLoss: (e.currentTarget as HTMLInputElement).checked ? 'block' : 'direct' })}
          />
        </li>
      </ul>
      <p class="help" data-testid="companion-costs">{t('companionCosts')}</p>
      {!firefox && <p class="help" data-testid="companion-chrome-share">{t('companionChromeShare')}</p>}
    </section>
  );
}

/** The installer's name for this Chromium-based browser: Google Chrome says so in its brands, Chromium does not. */
function chromeKind(): 'chrome' | 'chromium' {
  const brands = (navigator as Navigator & { userAgentData?: { brands?: { brand: string }[] } }).userAgentData?.brands ?? [];
  return brands.some((b) => b.brand === 'Google Chrome') ? 'chrome' : 'chromium';
}

/** The install command is shown when the companion could not start or the browser lacks what it needs. */
function showInstall(status: CompanionStatus): boolean {
  return status.state === 'lost' || (!status.available && !status.enabled);
}

function StateLine(props: { status: CompanionStatus; t: Translate }) {
  const { status, t } = props;
  let text: string;
  let tone: 'good' | 'weak' | null = null;
  switch (status.state) {
    case 'connected':
      text = t('companionConnected', [String(status.port ?? '')]);
      tone = 'good';
      break;
    case 'starting':
      text = t('companionStarting');
      break;
    case 'lost':
      text = t(status.onLoss === 'block' ? 'companionLostBlocking' : 'companionLostDirect', [status.error ?? t('companionStopped')]);
      tone = 'weak';
      break;
    default:
      text = t(status.available ? 'companionOff' : 'companionNotAvailable');
  }
  return (
    <p class="state" id="companion-state" data-testid="companion-state" data-state={status.state} role="status">
      {tone ? <span class={`badge ${tone}`}>{text}</span> : <span>{text}</span>}
    </p>
  );
}
