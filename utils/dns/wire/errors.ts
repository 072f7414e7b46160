import type { RecordType } from './record-type';

/**
 * Why one resolver did not give an answer. Each reason maps to a sentence a user can read in Settings, and the
 * pool uses the reason to decide what counts against a resolver's health.
 */
export type FailureReason =
  | 'network' // fetch rejected: DNS of the resolver's own host, TLS, connection reset, redirect refused
  | 'timeout' // no complete answer before the deadline
  | 'http-status' // non-2xx (RFC 8484 §4.2.1: only 2xx carries a DNS answer)
  | 'content-type' // not application/dns-message (RFC 8484 §6)
  | 'too-large' // more than a DNS message can be (65535 bytes, RFC 1035 §4.2.2)
  | 'unparsable' // body is not a well-formed DNS message
  | 'question-mismatch' // answer to another question (RFC 5452 §9.1 style check; we sent id 0, so no id check)
  | 'server-failure' // SERVFAIL (RFC 1035 §4.1.1): the resolver could not get an answer
  | 'rcode'; // REFUSED, NOTIMP, FORMERR and the rest: the resolver will not answer

/** Failures that are about the resolver itself (not about the name looked up): these trip the circuit breaker. */
export function countsAgainstResolver(reason: FailureReason): boolean {
  // SERVFAIL is most often the name's fault (broken DNSSEC, dead authoritative servers; RFC 8914 lists the
  // causes), so a few lookups of one broken site must not push every other site off this resolver.
  return reason !== 'server-failure';
}

/** One resolver's failure, with a message that names the resolver and can be shown as is. */
export class ResolverError extends Error {
  override readonly name = 'ResolverError';
  constructor(
    readonly reason: FailureReason,
    /** The resolver's URL template. */
    readonly resolver: string,
    detail: string,
  ) {
    super(`${resolverLabel(resolver)}: ${detail}`);
  }
}

/** The name asked for cannot be sent at all (empty, too long, bad label). Not any resolver's fault. */
export class InvalidNameError extends Error {
  override readonly name = 'InvalidNameError';
}

/** Short, human form of a resolver URL for messages: its host, plus the path when it is not the usual one. */
export function resolverLabel(template: string): string {
  try {
    const url = new URL(template.replace(/\{[?&]dns\}$/, ''));
    return url.pathname === '/dns-query' || url.pathname === '/' ? url.host : url.host + url.pathname;
  } catch {
    return template;
  }
}

export interface Attempt {
  resolver: string;
  reason: FailureReason;
  message: string;
}

/** No resolver gave an answer; `attempts` names each one tried (one or two) and why it failed. */
export class ResolutionError extends Error {
  override readonly name = 'ResolutionError';
  constructor(
    readonly qname: string,
    readonly qtype: RecordType,
    readonly attempts: readonly Attempt[],
  ) {
    super(`Could not resolve ${qname} (${qtype}): ${attempts.length ? attempts.map((a) => a.message).join('; ') : 'no resolver is configured'}.`);
  }
}
