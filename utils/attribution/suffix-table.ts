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

export interface SuffixTable<T> {
  /** The value of the longest candidate suffix of `host` that is listed, or null. Any characters. */
  longest(host: string): T | null;
  /**
   * The same for a host of lower-case letters, digits, '.', '_' and '-' that does not end with '.' (what
   * URL.hostname gives for a domain), checked during the same walk; NOT_CLEAN for any other host, which the
   * caller normalises and passes to `longest`. For such clean hosts normalizeHost is the identity.
   */
  longestClean(host: string): T | null | typeof NOT_CLEAN;
}

/** FNV-1a's 32-bit parameters; exported for bench:attribution's stand-in, which reads a host as the walk does. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;
const DOT = 46;

/*
 * A slot is two int32 side by side, so a probe reads one cache line: the key's hash, then a packed word
 * (key index + 1) | length << 16 | flags << 24, 0 for an empty slot. Measured against 16-byte slots in a class
 * (bench:attribution's hosts, alternating in one process): ~15 % faster, 5.4–5.9× → 6.5–7.0× getEntity.
 */
const INDEX_BITS = 0xffff;
const MAX_KEYS = INDEX_BITS;
const MAX_KEY_LENGTH = 255;
const LISTED = 1 << 24;
const DESCENDS = 2 << 24;
const UNCLEAN = -1;

/** 1 for [a-z0-9_-], 2 for '.', 0 for anything normalizeHost could change (or that no domain holds). */
const CHAR_KIND = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CHAR_KIND[c] = 1;
for (let c = 48; c <= 57; c++) CHAR_KIND[c] = 1;
CHAR_KIND[95] = 1;
CHAR_KIND[45] = 1;
CHAR_KIND[DOT] = 2;
/** Branch-free: `(c - 128) >> 31` is all ones below 128 and 0 from there (charCodeAt is never above 0xffff). */
const charKind = (c: number): number => CHAR_KIND[c & 127]! & ((c - 128) >> 31);

/** Spreads the high bits into the slot index: FNV's low bits alone cluster on similar endings. */
const slotOf = (hash: number, mask: number): number => (hash ^ (hash >>> 15)) & mask;

/** The hash the walk holds when it has read `text` from its end (the same steps, for the build). */
function suffixHash(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = text.length - 1; i >= 0; i--) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

// Closures over local constants rather than a class: reading `this.` fields in the walk measured slower.
export function createSuffixTable<T>(entries: ReadonlyMap<string, T>, options: SuffixTableOptions = {}): SuffixTable<T> {
  const hashMask = options.hashMask ?? -1;
  const flags = new Map<string, number>();
  for (const domain of entries.keys()) {
    flags.set(domain, (flags.get(domain) ?? 0) | LISTED);
    for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
      const ancestor = domain.slice(dot + 1);
      flags.set(ancestor, (flags.get(ancestor) ?? 0) | DESCENDS);
    }
  }
  if (flags.size > MAX_KEYS) throw new Error(`suffix table: ${flags.size} keys, more than the ${MAX_KEYS} a slot can index`);
  // Load factor ≤ 0.5: short probe chains, and an empty slot soon ends a miss.
  let size = 16;
  while (size < flags.size * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  const keys: string[] = [];
  const values: (T | undefined)[] = [];
  for (const [key, keyFlags] of flags) {
    // A longer key could never match: hosts are at most 253 characters (RFC 1035 §2.3.4).
    if (key.length > MAX_KEY_LENGTH) continue;
    const hash = suffixHash(key) & hashMask;
    let s = slotOf(hash, mask);
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = hash;
    slots[2 * s + 1] = (keys.length + 1) | (key.length << 16) | keyFlags;
    keys.push(key);
    values.push(entries.get(key));
  }

  /** The packed word of the suffix of `host` of `length` characters with this hash, or 0 if it is no key. */
  const find = (host: string, hash: number, length: number): number => {
    const h = hash & hashMask;
    for (let s = slotOf(h, mask); ; s = (s + 1) & mask) {
      const packed = slots[2 * s + 1]!;
      if (packed === 0) return 0;
      if (slots[2 * s] === h && ((packed >>> 16) & 0xff) === length && host.endsWith(keys[(packed & INDEX_BITS) - 1]!)) return packed;
    }
  };

  /**
   * The packed word of the longest listed candidate, 0 for none, or UNCLEAN if `clean` and the host is not.
   * One loop for both, so the clean check costs a table read per character and no second pass.
   */
  const walk = (host: string, clean: boolean): number => {
    const n = host.length;
    if (clean && (n === 0 || host.charCodeAt(n - 1) === DOT)) return UNCLEAN;
    let best = 0;
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
          const packed = find(host, hash, n - 1 - i);
          if (packed === 0) break;
          if ((packed & LISTED) !== 0) best = packed;
          if ((packed & DESCENDS) === 0) break;
        } else {
          // The last label alone is never a candidate; no probe for it.
          sawDot = true;
        }
      }
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (i < 0) {
      const packed = find(host, hash, n);
      if ((packed & LISTED) !== 0) best = packed;
    } else if (clean) {
      // Stopped early: the rest of the host still has to be clean for the answer to stand.
      for (i--; i >= 0; i--) if (charKind(host.charCodeAt(i)) === 0) return UNCLEAN;
    }
    return best;
  };

  const valueOf = (packed: number): T | null => (packed === 0 ? null : (values[(packed & INDEX_BITS) - 1] as T));
  return {
    longest: (host) => valueOf(walk(host, false)),
    longestClean: (host) => {
      const packed = walk(host, true);
      return packed === UNCLEAN ? NOT_CLEAN : valueOf(packed);
    },
  };
}
