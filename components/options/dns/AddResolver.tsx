import { useState } from 'preact/hooks';
import { validateResolverUrl, type ResolverInfo } from '@/utils/dns/settings/resolvers';
import type { Translate } from '../../shared/translate';
import { countryName } from './dns-text';

/**
 * Adding a resolver: one of the known operators, or any DoH URL. The URL is checked here as it is typed out
 * (the same check the background makes), and the background then sends it one test query before saving it;
 * either refusal is shown under the field and nothing changes.
 */
export function AddResolver(props: { presets: ResolverInfo[]; busy: boolean; error: string | undefined; onAdd: (url: string) => Promise<boolean>; t: Translate }) {
  const { presets, t } = props;
  const [preset, setPreset] = useState('');
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  // Which form the background's answer belongs to, so its message shows under the field that caused it.
  const [source, setSource] = useState<'preset' | 'url' | null>(null);
  const chosen = presets.find((p) => p.url === preset) ?? presets[0];

  const addPreset = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return;
    setSource('preset');
    if (await props.onAdd(chosen.url)) setPreset('');
  };
  const addUrl = async (e: Event) => {
    e.preventDefault();
    const check = validateResolverUrl(url);
    if (!check.ok) {
      setUrlError(check.error);
      return;
    }
    setUrlError(null);
    setSource('url');
    if (await props.onAdd(check.url)) setUrl('');
  };
  // A refusal not caused by a preset (a typed URL, a removal) shows here, under the one free-form field.
  const shownUrlError = urlError ?? (source !== 'preset' ? props.error : undefined);
  const presetError = source === 'preset' ? props.error : undefined;

  return (
    <div class="dns-add">
      <h3>{t('dnsAddHeading')}</h3>
      {presets.length > 0 && (
        <form class="dns-row" onSubmit={addPreset}>
          <label for="dns-preset">{t('dnsPresetLabel')}</label>
          <select id="dns-preset" value={chosen?.url} disabled={props.busy} onChange={(e) => setPreset((e.currentTarget as HTMLSelectElement).value)} aria-describedby="dns-preset-policy">
            {presets.map((p) => (
              <option key={p.url} value={p.url}>
                {t('dnsPresetOption', [p.operator, p.country])}
              </option>
            ))}
          </select>
          <button type="submit" disabled={props.busy} data-testid="dns-add-preset">
            {t('dnsAdd')}
          </button>
          {chosen && (
            <p class="help" id="dns-preset-policy">
              {countryName(chosen.country)} · {chosen.policy}
            </p>
          )}
          {presetError && (
            <p class="error" role="alert">
              {presetError}
            </p>
          )}
        </form>
      )}
      <form class="dns-row" onSubmit={addUrl} noValidate>
        <label for="dns-url">{t('dnsUrlLabel')}</label>
        <input
          id="dns-url"
          type="url"
          spellcheck={false}
          autocomplete="off"
          placeholder="https://dns.example/dns-query"
          value={url}
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
          aria-invalid={shownUrlError ? 'true' : undefined}
          aria-describedby={shownUrlError ? 'dns-url-help dns-url-error' : 'dns-url-help'}
        />
        <button type="submit" disabled={props.busy} data-testid="dns-add-url">
          {props.busy && source === 'url' ? t('dnsAdding') : t('dnsAdd')}
        </button>
        <p class="help" id="dns-url-help">
          {t('dnsUrlHelp')}
        </p>
        {shownUrlError && (
          <p class="error" role="alert" id="dns-url-error" data-testid="dns-url-error">
            {shownUrlError}
          </p>
        )}
      </form>
    </div>
  );
}
