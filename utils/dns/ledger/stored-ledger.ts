import { ExposureLedger, LedgerFormatError } from './ledger';

/** What the DNS store read for the ledger, and whether the install secret had to be drawn anew. */
export interface StoredLedgerInput {
  ledger: unknown;
  secret: Uint8Array;
  secretCreated: boolean;
}

/**
 * The ledger to start with after a (re)start. A corrupt stored ledger must not stop DNS: a fresh one is started
 * and `problem` says why, for `dns.status` to show; the stored value itself is left for the next save to replace.
 * A secret too short to key a ledger is not the stored ledger's fault: it throws, so the start fails with its
 * message and nothing stored is replaced (the DNS store only hands out 32-byte secrets).
 */
export function restoreLedger(stored: StoredLedgerInput, now: () => number): { ledger: ExposureLedger; problem: string | null } {
  const options = { secret: stored.secret, now };
  if (stored.ledger === undefined) return { ledger: new ExposureLedger(options), problem: null };
  if (stored.secretCreated) {
    // Its hashes were made under a secret that is gone: new lookups could never match them.
    const why = 'The stored record of what each resolver was sent belonged to a lost install secret; a new record was started.';
    return { ledger: new ExposureLedger(options), problem: why };
  }
  try {
    return { ledger: ExposureLedger.fromJSON(stored.ledger, options), problem: null };
  } catch (error) {
    if (!(error instanceof LedgerFormatError)) throw error;
    const detail = error.message;
    return { ledger: new ExposureLedger(options), problem: `The stored record of what each resolver was sent could not be read (${detail}); a new, empty record was started.` };
  }
}
