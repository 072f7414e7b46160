import { execFile } from 'node:child_process';

/** What one run of `scripts/resolve.ts` printed: its JSON lines, stderr and exit status. */
export interface CliRun {
  code: number;
  lines: Record<string, unknown>[];
  stderr: string;
}

/** Runs the CLI as a user would (`npx tsx scripts/resolve.ts ARGS`) from the project root. */
export function runResolveCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/resolve.ts', ...args], { timeout: 25_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const lines = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ code, lines, stderr });
    });
  });
}
