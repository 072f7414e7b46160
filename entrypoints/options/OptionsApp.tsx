import { PrivacySettingsSection, type PrivacyCall } from '@/components/privacy/PrivacySettingsSection';
import { DnsSection, type DnsCall } from '@/components/dns/DnsSection';
import { DashboardSection, type DashboardCall } from '@/components/dashboard/DashboardSection';
import type { Translate } from '@/components/translate';

/** The options page, which grows into the dashboard: one section per feature. */
export function OptionsApp(props: { call: PrivacyCall & DnsCall & DashboardCall; t: Translate }) {
  return (
    <main>
      <header>
        <h1>{props.t('optionsTitle')}</h1>
      </header>
      <DashboardSection call={props.call} t={props.t} />
      <PrivacySettingsSection call={props.call} t={props.t} />
      <DnsSection call={props.call} t={props.t} />
    </main>
  );
}
