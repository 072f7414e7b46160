/**
 * How many per-site policies Diffuse keeps and how large their rules may grow, so that what a user (or an
 * imported file) asks for always fits what both browsers install. Measured limits (shared notes,
 * browser-testing.md): Firefox keeps at most 5,000 dynamic rules per extension, Chrome 30,000; the smaller
 * one binds. Learned cloaks take up to MAX_CLOAK_RULES of them, the policies the rest.
 */
import { MAX_CLOAK_RULES } from '../cname/cloak-rules';

/** Firefox's dynamic rule limit (MAX_NUMBER_OF_DYNAMIC_RULES there; Chrome's is 30,000). */
export const DYNAMIC_RULE_LIMIT = 5_000;
/** What the policy rules may use of DYNAMIC_RULE_LIMIT; the learned cloaks keep their share. */
export const MAX_POLICY_RULES = DYNAMIC_RULE_LIMIT - MAX_CLOAK_RULES;
/** Sites with a policy. A list of 50,000 once built one rule of 7 MB; two thousand sites is far beyond use by hand. */
export const MAX_POLICIES = 2_000;
/**
 * Sites named in one rule's domain list: sites sharing a choice share a rule, split in lists of this size so no
 * one rule grows without bound (each rule is parsed and indexed whole at every dynamic rule update).
 */
export const MAX_SITES_PER_RULE = 500;

/** The sentence shown when a policy list needs more rules than MAX_POLICY_RULES (null: more than a rule kind's id range holds). */
export function tooManyRules(count: number | null): string {
  return `These policies need ${count === null ? 'too many' : count.toLocaleString('en')} blocking rules; Diffuse can install at most ${MAX_POLICY_RULES.toLocaleString('en')} ` +
    `(Firefox allows an extension ${DYNAMIC_RULE_LIMIT.toLocaleString('en')} dynamic rules, ${MAX_CLOAK_RULES.toLocaleString('en')} of them kept for learned cloaks). ` +
    'Put fewer sites in strict mode, or make fewer per-company choices.';
}

/** The sentence shown when a list has more than MAX_POLICIES sites. */
export function tooManyPolicies(count: number): string {
  return `${count.toLocaleString('en')} sites have a policy; Diffuse keeps at most ${MAX_POLICIES.toLocaleString('en')}, so that their rules fit in every browser.`;
}
