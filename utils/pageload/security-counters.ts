import type { ConnectionSecurity, Counters } from './page-load';

/**
 * One described response as counter increments. Firefox's SecurityInfo.protocolVersion is "TLSv1.3",
 * "TLSv1.2", "TLSv1.1", "TLSv1" or "unknown" (MDN webRequest.SecurityInfo).
 */
export function securityCounters(security: ConnectionSecurity): Partial<Counters> {
  const version = security.protocolVersion;
  return {
    secured: 1,
    ...(version === 'TLSv1.3' ? { tls13: 1 } : version === 'TLSv1.2' ? { tls12: 1 } : version && version !== 'unknown' ? { tlsOld: 1 } : {}),
    ...(security.usedEch ? { ech: 1 } : {}),
    ...(security.usedPrivateDns ? { privateDns: 1 } : {}),
    ...(security.hsts ? { hsts: 1 } : {}),
  };
}
