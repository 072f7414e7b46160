import { parentPort, workerData } from 'node:worker_threads';
import { MAX_CACHE_TTL, parseResponse, type ParseResult } from '../utils/dns/wire/dns-message';
import { referenceFramingError } from './dns-fuzz-framing';
import { makeSeeds, nextCase } from './dns-fuzz-inputs';
import { seededRandom } from './dns-random';

/**
 * One fuzzing worker: parses `count` inputs and reports what happened. Before each parse it publishes the
 * input and its start time in shared memory, so the main thread can tell a hang from slowness and show the
 * input that hung, even though a hung worker can no longer send messages.
 */
export interface WorkerInput {
  seed: number;
  count: number;
  /** A repeatable parse slower than this is a failure (a hang in the making). */
  boundMs: number;
  /** A repeatable parse slower than this is a finding: a slow path a hostile resolver could use. */
  slowMs: number;
  /** Float64 [done, start of the running parse as epoch ms or 0]. */
  progress: SharedArrayBuffer;
  /** Int32 length, then the bytes of the input being parsed. */
  current: SharedArrayBuffer;
}

export interface Problem {
  /** failure: an exception escaped, a broken answer was accepted, the bound was passed; finding: see slowMs. */
  severity: 'failure' | 'finding';
  what: string;
  kind: string;
  name: string;
  type: string;
  hex: string;
}

export interface WorkerReport {
  kinds: Record<string, number>;
  outcomes: Record<string, number>;
  /** Every parse's duration in µs. */
  micros: Float32Array;
  /** Up to 10 examples of each kind of problem. */
  problems: Problem[];
  /** How many inputs showed each kind of problem, and each severity. */
  problemCounts: Record<string, number>;
  severityCounts: Record<Problem['severity'], number>;
  /** Parses over `slowMs` once, that were fast when timed again (the machine, not the input). */
  slowButNotReproduced: number;
}

const { seed, count, boundMs, slowMs, progress, current } = workerData as WorkerInput;
const state = new Float64Array(progress);
const length = new Int32Array(current, 0, 1);
const bytes = new Uint8Array(current, 4);
const random = seededRandom(seed);
const seeds = makeSeeds(random, 400);
const report: WorkerReport = { kinds: {}, outcomes: {}, micros: new Float32Array(count), problems: [], problemCounts: {}, severityCounts: { failure: 0, finding: 0 }, slowButNotReproduced: 0 };

for (let i = 0; i < count; i++) {
  const input = nextCase(random, seeds);
  report.kinds[input.kind] = (report.kinds[input.kind] ?? 0) + 1;
  const problem = (severity: Problem['severity'], label: string, what: string) => {
    const seen = (report.problemCounts[label] = (report.problemCounts[label] ?? 0) + 1);
    report.severityCounts[severity]++;
    if (seen <= 10) report.problems.push({ severity, what, kind: input.kind, name: input.name, type: input.type, hex: Buffer.from(input.message).toString('hex') });
  };
  bytes.set(input.message.subarray(0, bytes.length));
  length[0] = input.message.length;
  state[1] = performance.timeOrigin + performance.now();
  const started = performance.now();
  let result: ParseResult | undefined;
  try {
    result = parseResponse(input.message, input.name, input.type);
  } catch (error) {
    problem('failure', 'exception escaped', `exception escaped: ${error instanceof Error ? error.message : String(error)}`);
  }
  const elapsed = performance.now() - started;
  state[1] = 0;
  state[0] = i + 1;
  report.micros[i] = elapsed * 1000;
  if (elapsed > slowMs) {
    // A parse can be slow because the OS descheduled us or the GC ran; only a repeatable one counts.
    const again = Math.min(...[0, 1, 2].map(() => time(() => parseResponse(input.message, input.name, input.type))));
    if (again > boundMs) problem('failure', 'over the bound', `parse took ${again.toFixed(1)} ms, over the ${boundMs} ms bound`);
    else if (again > slowMs) {
      const framing = referenceFramingError(input.message);
      problem('finding', framing ? 'slow parse (misframed)' : 'slow parse (well framed)', `parse took ${again.toFixed(1)} ms (over ${slowMs} ms) every time; ${framing ?? 'well framed'}`);
    }
    else report.slowButNotReproduced++;
  }
  if (!result) continue;
  const outcome = result.ok ? `answer ${result.answer.rcode}` : `failure ${result.reason}`;
  report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
  if (!result.ok) continue;
  const broken = invariantBroken(result.answer, input.type);
  if (broken) problem('failure', 'broken answer', `accepted an answer that ${broken}`);
  const misframed = referenceFramingError(input.message);
  if (misframed) problem('finding', 'accepted misframed', `accepted a misframed message: ${misframed}`);
}

parentPort?.postMessage(report, [report.micros.buffer as ArrayBuffer]);

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** What an accepted answer must satisfy, whatever the input: the rest of the extension relies on it. */
function invariantBroken(answer: Extract<ParseResult, { ok: true }>['answer'], type: 'A' | 'AAAA'): string | undefined {
  if (!Number.isInteger(answer.ttl) || answer.ttl < 0 || answer.ttl > MAX_CACHE_TTL) return `has TTL ${answer.ttl}`;
  if (answer.rcode === 'NXDOMAIN' && answer.addresses.length > 0) return 'is NXDOMAIN with addresses';
  if (answer.cnameChain.length > 16) return `has a ${answer.cnameChain.length}-hop chain`;
  const valid = type === 'A' ? /^\d{1,3}(\.\d{1,3}){3}$/ : /^[0-9a-f:.]+$/i;
  const bad = answer.addresses.find((a) => !valid.test(a));
  return bad === undefined ? undefined : `has ${type} address ${JSON.stringify(bad)}`;
}
