import { PrivacySettingsSection, type PrivacyCall } from '@/components/privacy/PrivacySettingsSection';
import type { Translate } from '@/components/translate';

/** The options page, which grows into the dashboard: one section per feature. */
export function OptionsApp(props: { call: PrivacyCall; t: Translate }) {
  return (
    <main>
      <header>
        <h1>{props.t('optionsTitle')}</h1>
      </header>
      <PrivacySettingsSection call={props.call} t={props.t} />
    </main>
  );
}
