import { browser } from 'wxt/browser';
import { startOfDay } from '@/utils/history/days';
import { afterSettingsChange, firstKeptDay, type HistorySettings } from '@/utils/history/retention';
import { allDone, type HistoryFollower } from '@/utils/history/history-follower';
import type { HistoryStore } from '../store/history-store';
import { loadHistorySettings, saveHistorySettings } from '../store/history-settings-store';

const ALARM = 'diffuse-prune-history';
const DAY_MINUTES = 24 * 60;

/** Deletes what is older than the retention setting allows, in history and its follower; "forever" deletes nothing. */
export async function pruneHistory(history: HistoryStore, follower: HistoryFollower, now = Date.now()): Promise<void> {
  const first = firstKeptDay(now, (await loadHistorySettings()).retentionDays);
  if (first === null) return;
  await allDone(history.prune(first), follower.pruneBefore(startOfDay(first)));
}

/**
 * Stores a change of history's settings and makes it take effect at once: turning history off deletes everything
 * stored (after the pending writes, which are then dropped as history is off), anything else prunes to the
 * retention. Returns the settings as they were, for an import to put back.
 */
export async function applyHistorySettings(
  history: HistoryStore, follower: HistoryFollower, flush: () => Promise<void>, change: Partial<HistorySettings>, now = Date.now(),
): Promise<HistorySettings> {
  const before = await loadHistorySettings();
  const after = { ...before, ...change };
  await saveHistorySettings(after);
  if (afterSettingsChange(before, after) === 'delete-all') {
    await flush();
    await deleteAllHistory(history, follower);
  } else await pruneHistory(history, follower, now);
  return before;
}

/** "Delete all data": every page load and roll-up row, and what follows history. */
export async function deleteAllHistory(history: HistoryStore, follower: HistoryFollower): Promise<void> {
  await allDone(history.deleteAll(), follower.deleteAll());
}

/** "Forget this site": its page loads and roll-up rows, and what follows history. */
export async function forgetSiteHistory(history: HistoryStore, follower: HistoryFollower, site: string): Promise<void> {
  await allDone(history.forgetSite(site), follower.forgetSite(site));
}

/** How long after a start the start-up prune waits: the event that started the worker and its page come first. */
export const START_PRUNE_DELAY_MS = 3_000;

/**
 * Prunes on the first start of an extension load (a browser start, an install, an update), a few seconds in, and
 * daily through `browser.alarms`, which needs the "alarms" permission: without it the start-up pruning alone runs.
 * Not at every start: Chrome starts the worker for every event after a pause, and the prune's followers load ~1.6 MB
 * of tables (learned cloaks' rules), which held the waking event ~250 ms (npm run bench:wake). The alarm listener
 * is added synchronously, so the alarm that wakes a stopped worker finds it; the alarm is created once and kept, so
 * restarts do not keep postponing it.
 */
export function startHistoryPruning(history: HistoryStore, follower: HistoryFollower, firstSinceLoad: () => Promise<boolean>, delayMs = START_PRUNE_DELAY_MS): void {
  const run = () => pruneHistory(history, follower).catch((error: unknown) => console.error('Diffuse: could not prune history', error));
  void firstSinceLoad().then((first) => first && setTimeout(() => void run(), delayMs), () => setTimeout(() => void run(), delayMs));
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
