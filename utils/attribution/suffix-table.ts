/**
 * Longest dot-suffix of a host among a fixed set of domains, without cutting a string per label. The host is
 * read once from its end with a rolling 32-bit hash (FNV-1a over the characters right to left); at each label
 * boundary that hash probes an open-addressing table, and a hit counts only if its length matches and
 * `host.endsWith(key)`. Every proper dot-suffix of every domain is in the table as well, marked "has
 * descendants": a suffix that is no such ancestor ends the walk, as nothing longer can be listed.
 *
 * Candidates are what a label walk would try: the whole host, then what follows each '.', as long as it
 * still holds a '.' ("a.b.example.com" → itself, "b.example.com", "example.com"; never "com" alone).
 */

/** `longestClean`'s answer for a host that normalizeHost might change (see there). */
export const NOT_CLEAN: unique symbol = Symbol('not a clean host');

export interface SuffixTableOptions {
  /** Tests only: keep only these bits of every hash, to force collisions and prove the string check. */
  hashMask?: number;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const DOT = 46;
/** Slot: 4 int32 (hash, length, key index + 1 with 0 for an empty slot, flags), one cache line for a probe. */
const SLOT = 4;
const LISTED = 1;
const DESCENDS = 2;
const NONE = -1;
const UNCLEAN = -2;

/** 1 for [a-z0-9_-], 2 for '.', 0 for anything normalizeHost could change (or that no domain holds). */
const CHAR_KIND = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CHAR_KIND[c] = 1;
for (let c = 48; c <= 57; c++) CHAR_KIND[c] = 1;
CHAR_KIND[95] = 1;
CHAR_KIND[45] = 1;
CHAR_KIND[DOT] = 2;
const charKind = (c: number): number => (c < 128 ? CHAR_KIND[c]! : 0);

/** Spreads the high bits into the slot index: FNV's low bits alone cluster on similar endings. */
const slotOf = (hash: number, mask: number): number => (hash ^ (hash >>> 15)) & mask;

/** The hash the walk holds when it has read `text` from its end (the same steps, for the build). */
function suffixHash(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = text.length - 1; i >= 0; i--) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

// A class rather than closures: the attributor's tables share one optimised walk.
export class SuffixTable<T> {
  private readonly keys: string[] = [];
  private readonly values: (T | undefined)[] = [];
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashMask: number;

  constructor(entries: ReadonlyMap<string, T>, options: SuffixTableOptions = {}) {
    this.hashMask = options.hashMask ?? -1;
    const flags = new Map<string, number>();
    for (const domain of entries.keys()) {
      flags.set(domain, (flags.get(domain) ?? 0) | LISTED);
      for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
        const ancestor = domain.slice(dot + 1);
        flags.set(ancestor, (flags.get(ancestor) ?? 0) | DESCENDS);
      }
    }
    // Load factor ≤ 0.5: short probe chains, and an empty slot soon ends a miss.
    let size = 16;
    while (size < flags.size * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * SLOT);
    for (const [key, keyFlags] of flags) {
      const hash = suffixHash(key) & this.hashMask;
      let s = slotOf(hash, this.mask);
      while (this.slots[s * SLOT + 2] !== 0) s = (s + 1) & this.mask;
      this.slots.set([hash, key.length, this.keys.length + 1, keyFlags], s * SLOT);
      this.keys.push(key);
      this.values.push(entries.get(key));
    }
  }

  /** The value of the longest candidate suffix of `host` that is listed, or null. Any characters. */
  longest(host: string): T | null {
    const k = this.walk(host, false);
    return k < 0 ? null : (this.values[k] as T);
  }

  /**
   * The same for a host of lower-case letters, digits, '.', '_' and '-' that does not end with '.' (what
   * URL.hostname gives for a domain), checked during the same walk; NOT_CLEAN for any other host, which the
   * caller normalises and passes to `longest`. For such clean hosts normalizeHost is the identity.
   */
  longestClean(host: string): T | null | typeof NOT_CLEAN {
    const k = this.walk(host, true);
    return k === UNCLEAN ? NOT_CLEAN : k < 0 ? null : (this.values[k] as T);
  }

  /**
   * Key index of the longest listed candidate, NONE, or UNCLEAN if `clean` and the host is not. One loop for
   * both, so the clean check costs a table read per character and no second pass.
   */
  private walk(host: string, clean: boolean): number {
    const n = host.length;
    if (clean && (n === 0 || host.charCodeAt(n - 1) === DOT)) return UNCLEAN;
    let best = NONE;
    let sawDot = false;
    let hash = FNV_OFFSET;
    let i = n - 1;
    for (; i >= 0; i--) {
      const c = host.charCodeAt(i);
      const kind = charKind(c);
      if (kind !== 1) {
        if (kind === 0) {
          if (clean) return UNCLEAN;
        } else if (sawDot) {
          const s = this.find(host, hash, n - 1 - i);
          if (s < 0) break;
          const flags = this.slots[s * SLOT + 3]!;
          if ((flags & LISTED) !== 0) best = this.slots[s * SLOT + 2]! - 1;
          if ((flags & DESCENDS) === 0) break;
        } else {
          // The last label alone is never a candidate; no probe for it.
          sawDot = true;
        }
      }
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (i < 0) {
      const s = this.find(host, hash, n);
      if (s >= 0 && (this.slots[s * SLOT + 3]! & LISTED) !== 0) best = this.slots[s * SLOT + 2]! - 1;
    } else if (clean) {
      // Stopped early: the rest of the host still has to be clean for the answer to stand.
      for (i--; i >= 0; i--) if (charKind(host.charCodeAt(i)) === 0) return UNCLEAN;
    }
    return best;
  }

  /** Slot of the suffix of `host` of `length` characters with this hash, or -1 if it is no key. */
  private find(host: string, hash: number, length: number): number {
    const slots = this.slots;
    const h = hash & this.hashMask;
    for (let s = slotOf(h, this.mask); ; s = (s + 1) & this.mask) {
      const r = s * SLOT;
      const k = slots[r + 2]!;
      if (k === 0) return -1;
      if (slots[r] === h && slots[r + 1] === length && host.endsWith(this.keys[k - 1]!)) return s;
    }
  }
}

export function createSuffixTable<T>(entries: ReadonlyMap<string, T>, options: SuffixTableOptions = {}): SuffixTable<T> {
  return new SuffixTable(entries, options);
}
