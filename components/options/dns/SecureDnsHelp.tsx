import { useState } from 'preact/hooks';
import { managedPolicySnippets } from '@/utils/dns/views/managed-policy';
import type { Translate } from '../../shared/translate';

/** What Diffuse's pool covers and what it does not, said plainly, with the way to cover the rest per browser. */
export function RoutingExplanation(props: { t: Translate }) {
  const { t } = props;
  return (
    <div class="dns-explain">
      <p class="intro">{t('dnsIntro')}</p>
      <p>{t('dnsNotRouted')}</p>
      <ul class="dns-steps">
        <li>{t('dnsChromeSteps')}</li>
        <li>{t('dnsFirefoxSteps')}</li>
      </ul>
      <p class="help">{t('dnsBrowserDoesNotSpread')}</p>
    </div>
  );
}

/** Managed-policy snippets built from the user's own resolvers, for people who manage their browser. */
export function ManagedPolicy(props: { resolvers: readonly string[]; t: Translate }) {
  const { t } = props;
  const snippets = managedPolicySnippets(props.resolvers);
  return (
    <details class="dns-policy">
      <summary>{t('dnsPolicyHeading')}</summary>
      <p class="help">{t('dnsPolicyIntro')}</p>
      {snippets.chrome === null || snippets.firefox === null ? (
        <p data-testid="dns-policy-none">{t('dnsPolicyNone')}</p>
      ) : (
        <>
          <Snippet id="dns-policy-chrome" label={t('dnsPolicyChrome')} text={snippets.chrome} t={t} />
          <Snippet id="dns-policy-firefox" label={t('dnsPolicyFirefox')} text={snippets.firefox} t={t} />
        </>
      )}
      {snippets.skipped.length > 0 && <p class="help">{t('dnsPolicySkipped', [snippets.skipped.join(', ')])}</p>}
    </details>
  );
}

function Snippet(props: { id: string; label: string; text: string; t: Translate }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard.writeText(props.text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div class="dns-snippet">
      <p id={`${props.id}-label`}>{props.label}</p>
      {/* Focusable so keyboard users can scroll a long line; labelled so screen readers say what it is. */}
      <pre id={props.id} tabIndex={0} aria-labelledby={`${props.id}-label`}>
        <code>{props.text}</code>
      </pre>
      <button type="button" onClick={() => void copy()} aria-describedby={`${props.id}-label`}>
        {props.t(copied ? 'dnsCopied' : 'dnsCopy')}
      </button>
      <span class="sr-only" role="status">
        {copied ? props.t('dnsCopied') : ''}
      </span>
    </div>
  );
}
