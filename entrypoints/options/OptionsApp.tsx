import { PrivacySettingsSection, type PrivacyCall } from '@/components/options/privacy/PrivacySettingsSection';
import { DnsSection, type DnsCall } from '@/components/options/dns/DnsSection';
import { DashboardSection } from '@/components/options/dashboard/DashboardSection';
import { CompanionSection, type CompanionCall } from '@/components/options/companion/CompanionSection';
import type { DashboardCall } from '@/components/options/dashboard/dashboard-call';
import type { Translate } from '@/components/shared/translate';

/** The options page, which grows into the dashboard: one section per feature. */
export function OptionsApp(props: { call: PrivacyCall & DnsCall & DashboardCall & CompanionCall; t: Translate; requestCompanionPermissions: () => Promise<boolean> }) {
  return (
    <main>
      <header>
        <h1>{props.t('optionsTitle')}</h1>
      </header>
      <DashboardSection call={props.call} t={props.t} />
      <PrivacySettingsSection call={props.call} t={props.t} />
      <DnsSection call={props.call} t={props.t} />
      <CompanionSection call={props.call} requestPermissions={props.requestCompanionPermissions} t={props.t} />
    </main>
  );
}
