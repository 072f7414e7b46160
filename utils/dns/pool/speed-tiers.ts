/**
 * Speed tiers for the optional "prefer faster resolvers" choice. A resolver's tier counts the half-octaves by which
 * its typical latency exceeds the fastest's (2·log₂ of the ratio, rounded); its weight in the rendezvous hash is
 * 2^-tier, i.e. about (fastest / its latency)²: a resolver twice as slow gets a quarter of the fastest's share of
 * sites, four times as slow a sixteenth. Squared because the choice is there for speed: with weights merely
 * ∝ 1/latency the median lookup still lands on a slower resolver (bench/dns-latency.ts measured it).
 *
 * Tiers, not raw latencies, feed the hash because every change of weight moves sites between resolvers, and a
 * moved site is learnt by one more operator: tiers change only on a lasting difference (hysteresis below),
 * never on jitter, and they are persisted so a restarted worker does not move sites back and forth.
 */
export type SpeedTiers = Readonly<Record<string, number>>;

/** 2⁻⁶ = 1/64: a resolver eight or more times slower than the fastest still gets a few sites, never none. */
export const MAX_TIER = 6;
/** Answers a resolver must have given before it gets a tier; until then it weighs as the fastest (tier 0). */
export const MIN_SAMPLES = 16;
/**
 * The typical latency is the median of this many latest answers: unlike the health tracker's moving average it
 * is not dragged up for long by the first answer on a new connection (TLS and HTTP/2 set-up) or by one stall.
 */
export const RECENT_SAMPLES = 16;
/**
 * A tier changes only when the reading is more than this far from it (0.5 would flip on every wobble at a
 * boundary): the ratio to the fastest must have moved by over √2 since the tier was set.
 */
export const HYSTERESIS = 1;
/**
 * And a resolver's tier changes at most this often (ms): a busy machine or network makes every latency, the
 * fastest's included, swing by half for minutes (bench/dns-latency.ts saw it), and each swing would move sites.
 */
export const MIN_DWELL_MS = 10 * 60_000;
/**
 * Latencies below this count as this (ms): a 1 ms and a 2 ms resolver (both on the local network, say) are
 * equally fast for a user, and ratios of tiny numbers are mostly noise.
 */
export const LATENCY_FLOOR_MS = 5;

export function weightOfTier(tier: number | undefined): number {
  return 2 ** -clampTier(tier ?? 0);
}

/**
 * The tiers after the latest typical latencies (resolver → median ms, for those with MIN_SAMPLES answers):
 * `current` itself when nothing changed (callers compare by identity to know whether to persist and re-rank),
 * else a new object. Resolvers not in `resolvers` drop out; one with no reading keeps its tier; one whose tier
 * is set changes it only if `mayChange` allows (the dwell time). `complete`: whether every resolver that can be
 * measured has been; until then no first tiers are given, so a slow resolver measured first is not taken for
 * the fastest and the first tiers are all set against the same reference.
 */
export function updateSpeedTiers(
  current: SpeedTiers,
  typical: ReadonlyMap<string, number>,
  resolvers: readonly string[],
  options: { complete?: boolean; mayChange?: (id: string) => boolean } = {},
): SpeedTiers {
  const complete = options.complete ?? resolvers.every((id) => typical.has(id));
  if (Object.keys(current).length === 0 && !complete) return current;
  const floor = (ms: number) => Math.max(LATENCY_FLOOR_MS, ms);
  const fastest = Math.min(...[...typical.values()].map(floor));
  const next: Record<string, number> = {};
  let changed = Object.keys(current).some((id) => !resolvers.includes(id));
  for (const id of resolvers) {
    const was = current[id];
    const ms = typical.get(id);
    const reading = ms === undefined ? undefined : 2 * Math.log2(floor(ms) / fastest);
    let tier = was;
    if (reading !== undefined && (was === undefined || ((options.mayChange?.(id) ?? true) && Math.abs(reading - was) > HYSTERESIS))) {
      tier = clampTier(Math.round(reading));
    }
    if (tier === undefined) continue;
    next[id] = tier;
    if (tier !== was) changed = true;
  }
  return changed ? next : current;
}

/**
 * Tiers read back from storage: an object of resolver → whole number 0..MAX_TIER. Anything else is dropped
 * (they are re-learnt from the next answers) and `problem` says so; valid entries are kept.
 */
export function parseStoredSpeedTiers(stored: unknown): { tiers: SpeedTiers; problem: string | null } {
  if (stored === undefined) return { tiers: {}, problem: null };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { tiers: {}, problem: 'The stored resolver speed tiers were not an object; they will be measured again.' };
  }
  const tiers: Record<string, number> = {};
  const bad: string[] = [];
  for (const [id, tier] of Object.entries(stored)) {
    if (Number.isInteger(tier) && (tier as number) >= 0 && (tier as number) <= MAX_TIER) tiers[id] = tier as number;
    else bad.push(id);
  }
  const problem = bad.length ? `The stored speed tiers of ${bad.join(', ')} could not be read; they will be measured again.` : null;
  return { tiers, problem };
}

/**
 * The choice and its tiers, for the pool: tiers are learnt from every answer whether the choice is on or off (so
 * switching it on uses what is known), and reach the selector as weights only while it is on.
 */
export class SpeedPreference {
  private on: boolean;
  private current: SpeedTiers;
  /** Latest latencies per resolver, oldest first, at most RECENT_SAMPLES each. */
  private readonly recent = new Map<string, number[]>();
  /** When each resolver's tier last changed (ms clock): the dwell time runs from there. */
  private readonly changedAt = new Map<string, number>();
  private answers = 0;

  constructor(
    private readonly deps: {
      enabled: boolean;
      tiers: SpeedTiers;
      setWeights: (weights: Record<string, number> | null) => void;
      onChange: ((tiers: SpeedTiers) => void) | undefined;
    },
  ) {
    this.on = deps.enabled;
    this.current = deps.tiers;
    this.apply();
  }

  get enabled(): boolean {
    return this.on;
  }

  set enabled(on: boolean) {
    this.on = on;
    this.apply();
  }

  get tiers(): SpeedTiers {
    return this.current;
  }

  /**
   * After an answer of `id` in `ms` at time `now`: re-tiers, and re-weighs and reports only when a tier changed.
   * A resolver that never answers (dead from the start) holds back the first tiers for a while only: after
   * four rounds' worth of answers from the others, they are tiered without it.
   */
  observe(id: string, ms: number, resolvers: readonly string[], now: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) return;
    this.answers++;
    const samples = this.recent.get(id) ?? [];
    samples.push(ms);
    if (samples.length > RECENT_SAMPLES) samples.shift();
    this.recent.set(id, samples);
    for (const known of this.recent.keys()) if (!resolvers.includes(known)) this.recent.delete(known);
    const typical = new Map<string, number>();
    for (const [r, list] of this.recent) if (list.length >= MIN_SAMPLES) typical.set(r, median(list));
    const complete = resolvers.every((r) => typical.has(r)) || this.answers >= 4 * MIN_SAMPLES * resolvers.length;
    // Tiers restored from storage start their dwell at the first answer after a (re)start: a restarted worker
    // must not re-tier on its first few, noisier, answers.
    for (const r of Object.keys(this.current)) if (!this.changedAt.has(r)) this.changedAt.set(r, now);
    const mayChange = (r: string) => now - (this.changedAt.get(r) ?? -Infinity) >= MIN_DWELL_MS;
    const next = updateSpeedTiers(this.current, typical, resolvers, { complete, mayChange });
    if (next === this.current) return;
    for (const [r, tier] of Object.entries(next)) if (this.current[r] !== tier) this.changedAt.set(r, now);
    this.current = next;
    this.apply();
    this.deps.onChange?.(next);
  }

  private apply(): void {
    const weights = Object.fromEntries(Object.entries(this.current).map(([id, tier]) => [id, weightOfTier(tier)]));
    this.deps.setWeights(this.on ? weights : null);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function clampTier(tier: number): number {
  return Math.min(MAX_TIER, Math.max(0, tier));
}
