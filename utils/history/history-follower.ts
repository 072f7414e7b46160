/**
 * Data kept beside history that must not outlive it (the DNS exposure ledger, the hosts' operators): the
 * composition root hands them to history, so history knows nothing of what follows it, and the stores that
 * follow it know nothing of history.
 */
export interface HistoryFollower {
  /** Drops what was last seen before `time` (ms): the local midnight that starts the first kept day. */
  pruneBefore(time: number): Promise<void>;
  /** History was deleted whole. */
  deleteAll(): Promise<void>;
  /** One site (a registrable domain) was deleted from history. */
  forgetSite(site: string): Promise<void>;
}

/** Waits for all, then throws the first failure: a broken ledger must not keep old history, nor the reverse. */
export async function allDone(...tasks: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Several followers as one: each does its part whatever the others do; the first failure is reported after. */
export function allFollowers(...followers: HistoryFollower[]): HistoryFollower {
  return {
    pruneBefore: (time) => allDone(...followers.map((f) => f.pruneBefore(time))),
    deleteAll: () => allDone(...followers.map((f) => f.deleteAll())),
    forgetSite: (site) => allDone(...followers.map((f) => f.forgetSite(site))),
  };
}
