/**
 * Seeded randomness for the DNS benchmarks and the fuzzer, so every run with the same seed sees the same
 * inputs and the same trace (Math.random cannot be seeded).
 */

/** mulberry32 (Tommy Ettinger, public domain): 32-bit state, fast, good enough for test data (not crypto). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [min, max], both included. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/**
 * Zipf's law over ranks 1..n with exponent s (P(rank r) ∝ 1/r^s), sampled by binary search over the
 * cumulative weights: web-site popularity follows it closely (Breslau et al., INFOCOM 1999).
 * Returns a 0-based rank.
 */
export function zipfSampler(random: () => number, n: number, s: number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 1; rank <= n; rank++) {
    total += 1 / rank ** s;
    cumulative[rank - 1] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Lower-case DNS label of `length` letters and digits. */
export function randomLabel(random: () => number, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let label = '';
  for (let i = 0; i < length; i++) label += alphabet[Math.floor(random() * alphabet.length)];
  return label;
}
