import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryDataView } from '@/utils/messages/history-messages';
import { RETENTION_CHOICES } from '@/utils/history/retention';
import type { DashboardCall } from './dashboard-call';
import { errorText } from './save-file';
import type { Translate } from '../../shared/translate';
import { counted } from '@/utils/i18n/plural';
import { WhatGoes } from './WhatGoes';

/**
 * What is stored and for how long: the retention select (pruning follows at once) and "delete all data",
 * which asks for confirmation in place (no modal dialog) and moves focus so keyboard users land on the choice.
 */
export function DataControls(props: { data: HistoryDataView | null; call: DashboardCall; onChanged: (data: HistoryDataView) => void; t: Translate }) {
  const { t, data } = props;
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const act = async (work: () => Promise<HistoryDataView>, done: string) => {
    try {
      props.onChanged(await work());
      setStatus({ error: false, text: done });
    } catch (e) {
      setStatus({ error: true, text: errorText(e) });
    }
  };
  const setRetention = (value: string) => {
    const retentionDays = value === 'forever' ? null : Number(value);
    void act(() => props.call('history.setRetention', { retentionDays }), t('dashRetentionSaved'));
  };
  const deleteAll = async () => {
    setConfirming(false);
    await act(() => props.call('history.deleteAll', {}), t('dashDeleted'));
    deleteButton.current?.focus();
  };
  const days = data?.retentionDays;
  const choices = days === undefined || RETENTION_CHOICES.includes(days) ? RETENTION_CHOICES : [...RETENTION_CHOICES, days];

  return (
    <div class="dash-data">
      {data?.unsaved && (
        <p class="error" role="alert" data-testid="history-unsaved">
          {t('dashHistoryUnsaved', [new Date(data.unsaved.since).toLocaleString(), data.unsaved.reason])}
        </p>
      )}
      <p data-testid="stored">
        {data === null ? '' : data.since === null ? t('dashStoredNone') : counted(t, 'dashStored', data.pageLoads, [new Date(data.since).toLocaleDateString(t.locale)])}
      </p>
      <label class="dash-row">
        <span>{t('dashRetentionLabel')}</span>
        <select data-testid="retention" value={days === null ? 'forever' : String(days ?? '')} disabled={data === null} onChange={(e) => setRetention((e.currentTarget as HTMLSelectElement).value)}>
          {choices.map((c) => (
            <option key={String(c)} value={c === null ? 'forever' : String(c)}>
              {c === null ? t('dashRetentionForever') : counted(t, 'dashRetentionDays', c)}
            </option>
          ))}
        </select>
      </label>
      {!confirming && (
        <button type="button" ref={deleteButton} class="danger" data-testid="delete-all" onClick={() => setConfirming(true)}>
          {t('dashDeleteAll')}
        </button>
      )}
      {confirming && (
        <div class="dash-confirm" role="group" aria-labelledby="dash-confirm-text">
          <p id="dash-confirm-text">{t('dashDeleteConfirm')}</p>
          <WhatGoes scope="all" t={t} />
          <button type="button" ref={confirmButton} class="danger" data-testid="delete-confirm" onClick={() => void deleteAll()}>
            {t('dashDeleteYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>{t('dashCancel')}</button>
        </div>
      )}
      <p class={status?.error ? 'error' : 'dash-status'} role={status?.error ? 'alert' : 'status'} data-testid="data-status">{status?.text ?? ''}</p>
    </div>
  );
}
