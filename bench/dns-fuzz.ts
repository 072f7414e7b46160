/**
 * `npm run fuzz:dns [-- --count N --seed S --workers W --bound-ms B]`
 * Fuzzes the DoH response parser (utils/dns/wire/dns-message.ts parseResponse) with random and mutated responses, in
 * worker threads watched by this thread, then times hand-made worst cases. Fails (exit 1) if an exception
 * escapes, an accepted answer breaks an invariant, a parse is repeatably slower than --bound-ms, or a worker
 * hangs (no progress for 5 s). Findings (repeatably over --slow-ms; a message accepted although the bench's
 * own framing check, dns-fuzz-framing.ts, finds it misframed) are reported, and fail the run only with --strict.
 */
import { cpus } from 'node:os';
import { parseResponse } from '../utils/dns/wire/dns-message';
import { referenceFramingError } from './dns-fuzz-framing';
import { craftedInputs } from './dns-fuzz-inputs';
import { Worker } from 'node:worker_threads';
import type { Problem, WorkerInput, WorkerReport } from './dns-fuzz-worker';
import { fixed, markdownTable, numberArg, percentile } from './dns-stats';

const argv = process.argv.slice(2);
const total = numberArg(argv, 'count', 1_000_000);
const seed = numberArg(argv, 'seed', 20_240_601);
const workers = Math.max(1, numberArg(argv, 'workers', Math.min(4, cpus().length)));
/** A lookup may take 1.5 s in all (Firefox's TRR budget): a parse must stay far below that, whatever it is fed. */
const boundMs = numberArg(argv, 'bound-ms', 100);
/** A parse repeatably slower than this is reported as a finding (a hostile resolver could make every answer cost that). */
const slowMs = numberArg(argv, 'slow-ms', 1);
/** Findings fail the run too. */
const strict = argv.includes('--strict');
const HANG_MS = 5000;

interface Running {
  worker: Worker;
  progress: Float64Array;
  current: SharedArrayBuffer;
  report: Promise<WorkerReport | undefined>;
}

function start(index: number, count: number): Running {
  const progress = new SharedArrayBuffer(16);
  const current = new SharedArrayBuffer(4 + 70_000);
  const data: WorkerInput = { seed: seed + index * 7919, count, boundMs, slowMs, progress, current };
  // The loader hooks tsx registered in this thread do not reach workers (Node 20), so the worker loads its
  // TypeScript module through tsx's own API.
  const entry = new URL('./dns-fuzz-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(boot, { eval: true, workerData: data });
  const report = new Promise<WorkerReport | undefined>((resolve, reject) => {
    worker.once('message', (message: WorkerReport) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', () => resolve(undefined)); // terminated by the watchdog
  });
  return { worker, progress: new Float64Array(progress), current, report };
}

const started = performance.now();
const share = Math.ceil(total / workers);
const running = Array.from({ length: workers }, (_, i) => start(i, Math.min(share, total - i * share)));
const hangs: Problem[] = [];
const watchdog = setInterval(() => {
  const done = running.reduce((sum, r) => sum + (r.progress[0] ?? 0), 0);
  process.stderr.write(`\r${done.toLocaleString('en')} / ${total.toLocaleString('en')} inputs`);
  for (const r of running) {
    const since = r.progress[1] ?? 0;
    if (since > 0 && performance.timeOrigin + performance.now() - since > HANG_MS) {
      const length = new Int32Array(r.current, 0, 1)[0] ?? 0;
      const hex = Buffer.from(new Uint8Array(r.current, 4, Math.min(length, 70_000))).toString('hex');
      hangs.push({ severity: 'failure', what: `no result after ${HANG_MS} ms (hang)`, kind: '?', name: '?', type: '?', hex });
      void r.worker.terminate();
    }
  }
}, 250);

const reports = (await Promise.all(running.map((r) => r.report))).filter((r): r is WorkerReport => r !== undefined);
clearInterval(watchdog);
process.stderr.write('\n');
const seconds = (performance.now() - started) / 1000;

const sum = (pick: (r: WorkerReport) => Record<string, number>) => {
  const out: Record<string, number> = {};
  for (const r of reports) for (const [key, n] of Object.entries(pick(r))) out[key] = (out[key] ?? 0) + n;
  return out;
};
const parsed = reports.reduce((n, r) => n + r.micros.length, 0);
const micros = new Float32Array(parsed);
reports.reduce((at, r) => (micros.set(r.micros, at), at + r.micros.length), 0);
micros.sort();
const problems = [...hangs, ...reports.flatMap((r) => r.problems)];
const rows = (record: Record<string, number>) => Object.entries(record).sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, n.toLocaleString('en')]);

console.log(`# DoH response parser fuzz: ${parsed.toLocaleString('en')} inputs, seed ${seed}, ${workers} workers, ${fixed(seconds)} s\n`);
console.log(markdownTable(['input (first mutation)', 'count'], rows(sum((r) => r.kinds))));
console.log();
console.log(markdownTable(['parser outcome', 'count'], rows(sum((r) => r.outcomes))));
console.log();
const timing = [50, 99, 99.9].map((p) => `p${p} ${fixed(percentile(micros, p), 2)} µs`).join(', ');
console.log(`Parse time: mean ${fixed(micros.reduce((a, b) => a + b, 0) / Math.max(1, parsed), 2)} µs, ${timing}, max ${fixed((micros[parsed - 1] ?? 0) / 1000, 2)} ms`);
console.log(`(bound ${boundMs} ms, finding above ${slowMs} ms if repeatable; ${reports.reduce((n, r) => n + r.slowButNotReproduced, 0)} parses over ${slowMs} ms once were under it when timed again).`);
const counts = sum((r) => r.problemCounts);
console.log(`Problems (inputs): ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}; exceptions escaped: ${counts['exception escaped'] ?? 0}.`);
for (const p of problems) console.log(`- ${p.severity}: ${p.what} [${p.kind}] ${p.name} ${p.type}: ${p.hex.slice(0, 240)}${p.hex.length > 240 ? '…' : ''}`);
console.log();

// The crafted worst cases, each timed alone (best of 5, so machine noise does not count against the parser).
const crafted = craftedInputs().map((input) => {
  let outcome = '';
  const ms = Math.min(...[0, 1, 2, 3, 4].map(() => {
    const t = performance.now();
    const result = parseResponse(input.message, input.name, input.type);
    outcome = result.ok ? `answer ${result.answer.rcode}` : `failure ${result.reason}: ${result.message}`;
    return performance.now() - t;
  }));
  return { ...input, ms, outcome, framing: referenceFramingError(input.message) ?? 'well framed' };
});
console.log(markdownTable(['crafted input', 'bytes', 'parser outcome', 'framing', 'ms (best of 5)'],
  crafted.map((c) => [c.kind, String(c.message.length), c.outcome.slice(0, 70), c.framing, fixed(c.ms, 3)])));
const craftedFindings = crafted.filter((c) => c.ms > slowMs || (c.outcome.startsWith('answer') && c.framing !== 'well framed'));
const craftedFailures = crafted.filter((c) => c.ms > boundMs);

const severities = sum((r) => r.severityCounts);
const failures = (severities.failure ?? 0) + hangs.length + craftedFailures.length + (parsed < total ? 1 : 0);
const findings = (severities.finding ?? 0) + craftedFindings.length;
if (parsed < total && hangs.length === 0) console.log(`Only ${parsed} of ${total} inputs were parsed.`);
console.log(`\n${failures ? 'FAIL' : 'PASS'}: ${failures} failure(s); ${findings} finding(s) (inputs slow to parse or misframed yet accepted)${strict ? ', which fail the run with --strict' : ', reported, not failing (use --strict)'}.`);
process.exitCode = failures > 0 || (strict && findings > 0) ? 1 : 0;
