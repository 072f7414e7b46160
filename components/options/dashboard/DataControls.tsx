import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryDataView } from '@/utils/messages/history-messages';
import { RETENTION_CHOICES } from '@/utils/history/retention';
import type { DashboardCall } from './dashboard-call';
import { errorText } from './save-file';
import type { Translate } from '../../shared/translate';
import { counted } from '@/utils/i18n/plural';
import { WhatGoes } from './WhatGoes';

/**
 * What is stored and for how long: the retention select (pruning follows at once), "keep no history" (turning it on
 * deletes what is stored, so it asks first and lists what goes) and "delete all data"; both confirmations are in place
 * (no modal dialog) and move focus so keyboard users land on the choice. Settings a fleet's policy sets are disabled,
 * with a note saying so (docs/managed.md).
 */
export function DataControls(props: { data: HistoryDataView | null; call: DashboardCall; onChanged: (data: HistoryDataView) => void; t: Translate }) {
  const { t, data } = props;
  const [confirming, setConfirming] = useState(false);
  const [confirmingOff, setConfirmingOff] = useState(false);
  const confirmOffButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmingOff) confirmOffButton.current?.focus();
  }, [confirmingOff]);
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
  const setOff = async (off: boolean) => {
    setConfirmingOff(false);
    await act(() => props.call('history.setOff', { off }), t(off ? 'dashHistoryOffSaved' : 'dashHistoryOnSaved'));
  };
  const managed = data?.managed ?? [];
  const days = data?.retentionDays;
  const choices = days === undefined || RETENTION_CHOICES.includes(days) ? RETENTION_CHOICES : [...RETENTION_CHOICES, days];

  return (
    <div class="dash-data">
      {data?.unsaved && (
        <p class="error" role="alert" data-testid="history-unsaved">
          {t('dashHistoryUnsaved', [new Date(data.unsaved.since).toLocaleString(t.locale), data.unsaved.reason])}
        </p>
      )}
      {managed.length > 0 && (
        <p class="managed-note" role="note" data-testid="history-managed">
          {t('dashManagedNote')}
        </p>
      )}
      <p data-testid="stored">
        {data === null ? '' : data.since === null ? t('dashStoredNone') : counted(t, 'dashStored', data.pageLoads, [new Date(data.since).toLocaleDateString(t.locale)])}
      </p>
      <label class="dash-row">
        <span>{t('dashRetentionLabel')}</span>
        <select data-testid="retention" value={days === null ? 'forever' : String(days ?? '')} disabled={data === null || managed.includes('retentionDays')} onChange={(e) => setRetention((e.currentTarget as HTMLSelectElement).value)}>
          {choices.map((c) => (
            <option key={String(c)} value={c === null ? 'forever' : String(c)}>
              {c === null ? t('dashRetentionForever') : counted(t, 'dashRetentionDays', c)}
            </option>
          ))}
        </select>
      </label>
      <label class="dash-row">
        <input
          type="checkbox"
          data-testid="history-off-switch"
          checked={data?.off ?? false}
          disabled={data === null || managed.includes('off') || confirmingOff}
          aria-describedby="dash-history-off-help"
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            // Turning it on deletes: ask first (the box stays unticked until confirmed). Turning it off deletes nothing.
            if (on) {
              (e.currentTarget as HTMLInputElement).checked = false;
              setConfirmingOff(true);
            } else void setOff(false);
          }}
        />
        <span>{t('dashHistoryOffLabel')}</span>
      </label>
      <p class="help" id="dash-history-off-help">{t('dashHistoryOffHelp')}</p>
      {confirmingOff && (
        <div class="dash-confirm" role="group" aria-labelledby="dash-off-confirm-text">
          <p id="dash-off-confirm-text">{t('dashHistoryOffConfirm')}</p>
          <WhatGoes scope="all" t={t} />
          <button type="button" ref={confirmOffButton} class="danger" data-testid="history-off-confirm" onClick={() => void setOff(true)}>
            {t('dashHistoryOffYes')}
          </button>
          <button type="button" onClick={() => setConfirmingOff(false)}>{t('dashCancel')}</button>
        </div>
      )}
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
