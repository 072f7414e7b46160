import { useState } from 'preact/hooks';
import type { RangeId } from '@/utils/history/days';
import { EXPORT_FORMATS, type ExportFormat } from '@/utils/history/export-file';
import type { DashboardCall } from './dashboard-call';
import { errorText, saveFile } from './save-file';
import type { Translate } from '../../shared/translate';

/** JSON, CSV and HTML of the range shown, built by the background (the same report code as the HAR CLI). */
export function ExportButtons(props: { range: RangeId; call: DashboardCall; t: Translate }) {
  const { t } = props;
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const file = await props.call('history.export', { range: props.range, format });
      saveFile(file);
      setStatus({ error: false, text: t('dashExported', [file.fileName]) });
    } catch (e) {
      setStatus({ error: true, text: t('dashExportFailed', [errorText(e)]) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="dash-actions" role="group" aria-labelledby="dash-export-heading">
      <h3 id="dash-export-heading">{t('dashExportHeading')}</h3>
      {EXPORT_FORMATS.map((format) => (
        <button key={format} type="button" data-export={format} disabled={busy !== null} aria-busy={busy === format} onClick={() => void run(format)}>
          {t(`dashExport_${format}`)}
        </button>
      ))}
      <p class={status?.error ? 'error' : 'dash-status'} role={status?.error ? 'alert' : 'status'} data-testid="export-status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
