/**
 * Stores the exposure ledger at most `delayMs` after a change, once for any number of changes in between: a
 * page load makes dozens of lookups, and writing the whole ledger after each would cost more than the lookups.
 * The timer starts at the first change and is not pushed back by later ones, so steady traffic cannot starve
 * the save; a Chrome worker stopped at will loses at most `delayMs` of counts.
 */
export interface LedgerSaverOptions {
  /** Writes the current state (read at save time, so it is always the latest). */
  save: () => Promise<void>;
  delayMs: number;
  onError: (error: unknown) => void;
  /** setTimeout in production; returns a cancel function. */
  schedule?: (run: () => void, ms: number) => () => void;
}

export class LedgerSaver {
  private cancel: (() => void) | undefined;
  private last: Promise<void> = Promise.resolve();
  private readonly schedule: (run: () => void, ms: number) => () => void;

  constructor(private readonly options: LedgerSaverOptions) {
    this.schedule =
      options.schedule ??
      ((run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      });
  }

  /** Notes a change; a save is already due or is now scheduled. */
  changed(): void {
    if (this.cancel) return;
    this.cancel = this.schedule(() => {
      this.cancel = undefined;
      void this.run();
    }, this.options.delayMs);
  }

  /** Saves now if a save is due (and waits for one under way): for clearing, and for tests. */
  async flush(): Promise<void> {
    if (this.cancel) {
      this.cancel();
      this.cancel = undefined;
      return this.run();
    }
    return this.last;
  }

  /** Saves one after another, so an older state can never be written over a newer one. */
  private run(): Promise<void> {
    this.last = this.last.then(() => this.options.save()).catch((error: unknown) => this.options.onError(error));
    return this.last;
  }
}
