import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { errorText } from './save-file';
import type { Translate } from '../../shared/translate';
import { WhatGoes } from './WhatGoes';

/**
 * "Forget this site" in the sites table: a Forget button per row, then a confirmation in a row of its own under
 * the site's (in place, like "delete all data"; no modal dialog). Focus is moved at each step so keyboard and
 * screen-reader users never land on nothing: onto the choice, back to the row's button on cancel, and once the
 * site is gone onto the next row's button (the previous one's for the last row, the filter when none is left),
 * or onto the message when forgetting failed.
 */
export function useForgetSite(onForget: (site: string) => Promise<void>, t: Translate, shown: readonly string[]) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  const buttonOf = (site: string | undefined) =>
    [...(root.current?.querySelectorAll<HTMLButtonElement>('button[data-forget]') ?? [])].find((b) => b.dataset.forget === site);

  const cancel = () => {
    const site = confirming;
    setConfirming(null);
    buttonOf(site ?? undefined)?.focus();
  };
  const confirm = async () => {
    const site = confirming;
    if (site === null) return;
    const at = shown.indexOf(site);
    const neighbour = shown[at + 1] ?? shown[at - 1];
    setBusy(true);
    try {
      await onForget(site);
      setStatus({ error: false, text: t('dashForgotten', [site]) });
      // The row stays until the dashboard has read history again; its neighbour's button outlives it.
      (buttonOf(neighbour) ?? root.current?.querySelector<HTMLInputElement>('#dash-site-filter'))?.focus();
    } catch (e) {
      setStatus({ error: true, text: t('dashForgetFailed', [site, errorText(e)]) });
      message.current?.focus();
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };
  // Row buttons stay enabled (a disabled one could not take focus); a second site waits for the first.
  const ask = (site: string) => !busy && setConfirming(site);
  return { root, message, confirming, busy, status, ask, cancel, confirm };
}

/** The confirmation, as a table row spanning every column; Escape cancels. */
export function ForgetConfirmRow(props: { site: string; columns: number; busy: boolean; onConfirm: () => void; onCancel: () => void; t: Translate }) {
  const { t, site } = props;
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    yes.current?.focus();
  }, [site]);
  return (
    <tr class="dash-forget-row">
      <td colSpan={props.columns}>
        <div class="dash-confirm" role="group" aria-labelledby="dash-forget-text" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
          <p id="dash-forget-text">{t('dashForgetConfirm', [site])}</p>
          <WhatGoes scope="site" t={t} />
          <button type="button" ref={yes} class="danger" data-testid="forget-confirm" disabled={props.busy} onClick={props.onConfirm}>
            {t('dashForgetYes')}
          </button>
          <button type="button" disabled={props.busy} onClick={props.onCancel}>{t('dashCancel')}</button>
        </div>
      </td>
    </tr>
  );
}

/** What forgetting said: a status, or an alert that takes focus when it failed. */
export function ForgetStatus(props: { status: { error: boolean; text: string } | null; message: RefObject<HTMLParagraphElement | null> }) {
  const { status } = props;
  return (
    <p ref={props.message} tabIndex={-1} class={status?.error ? 'error' : 'dash-status'} role={status?.error ? 'alert' : 'status'} data-testid="forget-status">
      {status?.text ?? ''}
    </p>
  );
}
