/**
 * Enterprise-policy snippets that turn on the browser's OWN Secure DNS with the user's resolvers, for people
 * who manage their browser. Diffuse cannot route the browser's lookups itself; these hand them to the same
 * operators. Neither browser spreads: Chrome uses its templates in order as failover, Firefox takes one URL.
 */
export interface ManagedPolicySnippets {
  /** Chrome/Chromium managed policy JSON (DnsOverHttpsMode + DnsOverHttpsTemplates), or null with no https resolver. */
  chrome: string | null;
  /** Firefox policies.json (DNSOverHTTPS), or null with no https resolver. */
  firefox: string | null;
  /** Resolvers left out: plain-http test resolvers, which no browser accepts for Secure DNS. */
  skipped: string[];
}

export function managedPolicySnippets(resolvers: readonly string[]): ManagedPolicySnippets {
  const https = resolvers.filter((url) => url.startsWith('https://'));
  const skipped = resolvers.filter((url) => !url.startsWith('https://'));
  const first = https[0];
  if (first === undefined) return { chrome: null, firefox: null, skipped };
  // Chrome: "secure" never falls back to the system resolver; templates are space-separated, {?dns} kept.
  const chrome = { DnsOverHttpsMode: 'secure', DnsOverHttpsTemplates: https.join(' ') };
  // Firefox's TRR takes a plain URL (it sends POST by default), so the RFC 6570 expression is dropped.
  const firefox = { policies: { DNSOverHTTPS: { Enabled: true, ProviderURL: first.replace(/\{[?&]dns\}$/, ''), Locked: false } } };
  return { chrome: JSON.stringify(chrome, null, 2), firefox: JSON.stringify(firefox, null, 2), skipped };
}
