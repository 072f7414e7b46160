import { useState } from 'preact/hooks';
import type { SettingsImportResult } from '@/utils/messages/settings-messages';
import type { DashboardCall } from './dashboard-call';
import { errorText, saveFile } from './save-file';
import type { Translate } from '../../shared/translate';
import { counted } from '@/utils/i18n/plural';

/**
 * Settings and per-site policies out to a JSON file and back in. The background checks the whole file before
 * applying any of it; a refusal is shown with the field it names, and nothing has changed.
 */
export function SettingsTransfer(props: { call: DashboardCall; onImported: () => void; t: Translate }) {
  const { t } = props;
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const exportSettings = async () => {
    try {
      const file = await props.call('settings.export', {});
      saveFile(file);
      setStatus({ error: false, text: t('dashExported', [file.fileName]) });
    } catch (e) {
      setStatus({ error: true, text: errorText(e) });
    }
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const result = await props.call('settings.import', { text: await file.text() });
      setStatus({ error: false, text: importedText(result, t) });
      props.onImported();
    } catch (e) {
      setStatus({ error: true, text: t('dashImportRefused', [errorText(e)]) });
    } finally {
      input.value = ''; // the same file can be chosen again after fixing it
    }
  };
  return (
    <div class="dash-actions">
      <button type="button" data-testid="settings-export" onClick={() => void exportSettings()}>{t('dashSettingsExport')}</button>
      <label class="dash-file">
        <span>{t('dashSettingsImport')}</span>
        <input type="file" accept=".json,application/json" data-testid="settings-import" onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
      </label>
      <p class={status?.error ? 'error' : 'dash-status'} role={status?.error ? 'alert' : 'status'} data-testid="settings-status">{status?.text ?? ''}</p>
    </div>
  );
}

function importedText(r: SettingsImportResult, t: Translate): string {
  const parts = [t('dashImportDone')];
  if (r.policies !== null) parts.push(counted(t, 'dashImportPolicies', r.policies));
  if (r.privacy.skipped.length) parts.push(t('dashImportSkipped', [r.privacy.skipped.join(', ')]));
  return parts.join(' ');
}
