import { useEffect, useState } from 'preact/hooks';
import type { Contract } from '@/utils/messages/contract';
import type { PrivacySettingId, PrivacySettingView } from '@/utils/privacy/setting-types';
import type { Translate } from '../../shared/translate';
import { controlText, errorText, managedCategoriesText, settingHelp, settingName, valueText } from './setting-text';

export type PrivacyCall = <T extends 'privacy.list' | 'privacy.set' | 'policy.categories'>(type: T, request: Contract[T]['request']) => Promise<Contract[T]['response']>;

/**
 * "Browser privacy settings": each setting the browser has, with its state, who controls it, and a switch.
 * Every change goes through the background ('privacy.set'), whose answer is the new truth shown here. Above them,
 * locked, the tracker categories a fleet's policy blocks on every site ('policy.categories', docs/managed.md).
 */
export function PrivacySettingsSection(props: { call: PrivacyCall; t: Translate; firefox?: boolean }) {
  const { t, call } = props;
  const firefox = props.firefox ?? import.meta.env.FIREFOX;
  const [views, setViews] = useState<PrivacySettingView[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [managedCategories, setManagedCategories] = useState<string[] | null>(null);
  // The position a switch was moved to while the background works on it, so it does not flip back meanwhile.
  const [pending, setPending] = useState<Partial<Record<PrivacySettingId, boolean>>>({});

  useEffect(() => {
    call('privacy.list', {}).then(setViews, (e: unknown) => setFailure(String(e instanceof Error ? e.message : e)));
    // Not an error of the browser's settings, which privacyLoadError words: without an answer the line is left out.
    call('policy.categories', {}).then((view) => setManagedCategories(view.managed), (e: unknown) => console.error('Diffuse: managed tracker categories', e));
  }, []);

  const change = async (id: PrivacySettingId, enabled: boolean) => {
    setPending((p) => ({ ...p, [id]: enabled }));
    try {
      setViews(await call('privacy.set', { id, enabled }));
      setFailure(null);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setPending((p) => ({ ...p, [id]: undefined }));
    }
  };

  const available = views?.filter((v) => v.available) ?? [];
  const missing = views?.filter((v) => !v.available) ?? [];
  return (
    <section class="privacy" aria-labelledby="privacy-heading" aria-busy={views === null}>
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <p class="intro">{t('privacyIntro')}</p>
      {managedCategories && (
        <p class="managed-note" role="note" data-testid="categories-managed">
          {managedCategoriesText(managedCategories, t)}
        </p>
      )}
      {failure && <p class="error" role="alert">{t('privacyLoadError', [failure])}</p>}
      {views === null && !failure && <p>{t('privacyLoading')}</p>}
      <ul class="settings">
        {available.map((view) => (
          <SettingRow key={view.id} view={view} firefox={firefox} checked={pending[view.id] ?? view.enabled} busy={pending[view.id] !== undefined} onChange={change} t={t} />
        ))}
      </ul>
      {missing.length > 0 && (
        <div class="unavailable">
          <h3 id="privacy-missing-heading">{t('privacyUnavailableHeading')}</h3>
          <ul aria-labelledby="privacy-missing-heading">
            {missing.map((v) => (
              <li key={v.id} data-setting={v.id} data-available="false">
                <strong>{settingName(v.id, t, firefox)}</strong>: {settingHelp(v.id, t, firefox)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function SettingRow(props: {
  view: PrivacySettingView;
  firefox: boolean;
  checked: boolean;
  busy: boolean;
  onChange: (id: PrivacySettingId, enabled: boolean) => void;
  t: Translate;
}) {
  const { view, t } = props;
  const id = `privacy-${view.id}`;
  // A policy-locked setting Diffuse does not hold cannot be switched on; one it holds can still be handed back.
  const locked = view.levelOfControl === 'not_controllable' && !view.enabled;
  const value = valueText(view.value);
  return (
    <li
      class="setting"
      data-setting={view.id}
      data-available="true"
      data-enabled={String(view.enabled)}
      data-protective={String(view.protective)}
      data-control={view.levelOfControl}
      aria-busy={props.busy}
    >
      <div class="text">
        <label class="name" for={`${id}-switch`}>
          {settingName(view.id, t, props.firefox)}
        </label>
        <p class="help" id={`${id}-help`}>
          {settingHelp(view.id, t, props.firefox)}
        </p>
        <p class="state" id={`${id}-state`}>
          <span class={view.protective ? 'badge good' : 'badge weak'}>{t(view.protective ? 'privacyStateProtective' : 'privacyStateExposed')}</span>
          {/* Read aloud as "Private, Held by Diffuse", not run together; the layout's gap separates them on screen. */}
          <span class="sr-only">, </span>
          <span class="control">{controlText(view, t)}</span>
          {value !== null && (
            <>
              <span class="sr-only">, </span>
              <span class="value">{t('privacyValue', [value])}</span>
            </>
          )}
        </p>
        {view.error && (
          <p class="error" role="alert" id={`${id}-error`}>
            {errorText(view.error, t)}
          </p>
        )}
      </div>
      <input
        type="checkbox"
        role="switch"
        id={`${id}-switch`}
        class="switch"
        checked={props.checked}
        disabled={locked}
        aria-describedby={[`${id}-help`, `${id}-state`, view.error ? `${id}-error` : ''].join(' ').trim()}
        onChange={(e) => props.onChange(view.id, (e.currentTarget as HTMLInputElement).checked)}
      />
    </li>
  );
}
