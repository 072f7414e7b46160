/**
 * Build-time compiler: the operators' own name suffixes, completed with the domains of the trackerdb `hosting`
 * patterns each operator claims → one suffix → operator map for the CNAME and host side of the lookup.
 *
 * trackerdb is read here and nowhere else in utils/infra, and only through the pattern ids listed in
 * operators.ts: its data is CC BY-NC-SA, so another source can replace it by changing this one file.
 */
import { getPublicSuffix } from 'tldts';
import { INFRA_OPERATORS, type InfraOperator } from './operators';

/** Name suffix (lower case, no leading or trailing dot) → operator display name. */
export type InfraSuffixes = Record<string, string>;

/** The part of @ghostery/trackerdb's dist/trackerdb.json this compiler reads. */
export interface TrackerDbHosting {
  patterns: Record<string, { category: string; domains?: string[] }>;
}

/** At least two LDH labels: a suffix of one label ("net") would claim a whole TLD. */
const SUFFIX = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** The suffix as the lookup keys it, or null when it must not be a key. */
export function suffixKey(entry: string): string | null {
  let s = entry.trim().toLowerCase();
  if (s.startsWith('*.')) s = s.slice(2);
  else if (s.startsWith('.')) s = s.slice(1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  // An ICANN public suffix ("co.uk") belongs to no operator; private-section ones (appspot.com) do.
  return SUFFIX.test(s) && getPublicSuffix(s) !== s ? s : null;
}

/**
 * Throws when two operators claim one suffix: operators.ts is curated, and a silent winner would attribute
 * one company's customers to another. Trackerdb pattern ids that no longer exist or are no longer in the
 * `hosting` category are skipped (the real-data test reports them), so a dataset update never breaks a build.
 */
export function compileInfraSuffixes(
  trackerdb: TrackerDbHosting | null,
  operators: readonly InfraOperator[] = INFRA_OPERATORS,
): InfraSuffixes {
  const owner = new Map<string, string>();
  const claim = (entry: string, operator: string): void => {
    const key = suffixKey(entry);
    if (key === null) return;
    const previous = owner.get(key);
    if (previous !== undefined && previous !== operator) {
      throw new Error(`infra suffixes: "${key}" claimed by both ${previous} and ${operator}`);
    }
    owner.set(key, operator);
  };
  for (const operator of operators) {
    for (const suffix of operator.suffixes) claim(suffix, operator.name);
    for (const id of operator.trackerdbHosting ?? []) {
      const pattern = trackerdb?.patterns[id];
      if (pattern?.category !== 'hosting') continue;
      for (const domain of pattern.domains ?? []) claim(domain, operator.name);
    }
  }
  // Sorted keys: the generated JSON diffs cleanly between dataset updates.
  return Object.fromEntries([...owner].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
