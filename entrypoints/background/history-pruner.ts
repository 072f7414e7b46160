import { browser } from 'wxt/browser';
import { firstKeptDay } from '@/utils/history/retention';
import type { HistoryStore } from './store/history-store';
import { loadHistorySettings } from './history-settings';

const ALARM = 'diffuse-prune-history';
const DAY_MINUTES = 24 * 60;

/** Deletes what is older than the retention setting allows; "forever" deletes nothing. */
export async function pruneHistory(history: HistoryStore, now = Date.now()): Promise<void> {
  const first = firstKeptDay(now, (await loadHistorySettings()).retentionDays);
  if (first !== null) await history.prune(first);
}

/**
 * Prunes at every start (Chrome starts the worker many times a day, Firefox the background page once per
 * session) and daily through `browser.alarms`, which needs the "alarms" permission: without it the
 * start-up pruning alone runs. The alarm listener is added synchronously, so the alarm that wakes a stopped
 * worker finds it; the alarm is created once and kept, so restarts do not keep postponing it.
 */
export function startHistoryPruning(history: HistoryStore): void {
  const run = () => pruneHistory(history).catch((error: unknown) => console.error('Diffuse: could not prune history', error));
  void run();
  const alarms = (browser as { alarms?: typeof browser.alarms }).alarms;
  if (!alarms) return;
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void run();
  });
  void alarms
    .get(ALARM)
    .then(async (existing) => {
      if (!existing) await alarms.create(ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
    })
    .catch((error: unknown) => console.error('Diffuse: could not schedule history pruning', error));
}
