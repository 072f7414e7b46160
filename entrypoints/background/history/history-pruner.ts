import { browser } from 'wxt/browser';
import { startOfDay } from '@/utils/history/days';
import { firstKeptDay } from '@/utils/history/retention';
import { allDone, type HistoryFollower } from '@/utils/history/history-follower';
import type { HistoryStore } from '../store/history-store';
import { loadHistorySettings } from '../store/history-settings-store';

const ALARM = 'diffuse-prune-history';
const DAY_MINUTES = 24 * 60;

/** Deletes what is older than the retention setting allows, in history and its follower; "forever" deletes nothing. */
export async function pruneHistory(history: HistoryStore, follower: HistoryFollower, now = Date.now()): Promise<void> {
  const first = firstKeptDay(now, (await loadHistorySettings()).retentionDays);
  if (first === null) return;
  await allDone(history.prune(first), follower.pruneBefore(startOfDay(first)));
}

/** "Delete all data": every page load and roll-up row, and what follows history. */
export async function deleteAllHistory(history: HistoryStore, follower: HistoryFollower): Promise<void> {
  await allDone(history.deleteAll(), follower.deleteAll());
}

/** "Forget this site": its page loads and roll-up rows, and what follows history. */
export async function forgetSiteHistory(history: HistoryStore, follower: HistoryFollower, site: string): Promise<void> {
  await allDone(history.forgetSite(site), follower.forgetSite(site));
}

/**
 * Prunes at every start (Chrome starts the worker many times a day, Firefox the background page once per
 * session) and daily through `browser.alarms`, which needs the "alarms" permission: without it the
 * start-up pruning alone runs. The alarm listener is added synchronously, so the alarm that wakes a stopped
 * worker finds it; the alarm is created once and kept, so restarts do not keep postponing it.
 */
export function startHistoryPruning(history: HistoryStore, follower: HistoryFollower): void {
  const run = () => pruneHistory(history, follower).catch((error: unknown) => console.error('Diffuse: could not prune history', error));
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
