import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testCertificate } from './test-certificate';

/**
 * A real DoH resolver for integration tests: Debian's unbound, configured by the test in a temporary
 * directory, serving DoH (HTTP/2 only, as unbound does) on 127.0.0.1 at a free port, run in the foreground
 * as the current user and stopped by the test. It answers only from the zones given: nothing leaves the host.
 */
export const UNBOUND = process.env.DIFFUSE_UNBOUND ?? '/usr/sbin/unbound';

export interface UnboundZones {
  /**
   * `local-zone: static` with `local-data` records (zone-file lines). Names not listed get NXDOMAIN, with the
   * zone's SOA when one is listed. unbound answers local-data as is and never follows a CNAME in it.
   */
  local?: { zone: string; records: string[] }[];
  /**
   * `auth-zone` loaded from zone-file text, used as if fetched from upstream (for-upstream), so the iterator
   * resolves through it and follows CNAME chains across such zones (unbound.conf(5), local-data).
   */
  auth?: { zone: string; zonefile: string }[];
}

export interface RunningUnbound {
  /** https://127.0.0.1:PORT/dns-query */
  url: string;
  caPem: string;
  /** The CA in a file, for the CLI's --ca. */
  caFile: string;
  /** What unbound wrote to stdout/stderr so far (start-up errors, verbosity 1 logs). */
  output(): string;
  stop(): Promise<void>;
}

export async function startUnbound(zones: UnboundZones, binary = UNBOUND): Promise<RunningUnbound> {
  // Never a silent skip: without unbound the real-resolver tests fail, saying how to get it.
  if (!existsSync(binary)) {
    throw new Error(`unbound is not installed at ${binary}: run \`apt-get install unbound\` (CI's .ci/run installs it), or set DIFFUSE_UNBOUND.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'diffuse-unbound-'));
  const certificate = await testCertificate();
  const file = (name: string) => join(dir, name);
  await writeFile(file('server.pem'), certificate.certPem);
  await writeFile(file('server.key'), certificate.keyPem, { mode: 0o600 });
  await writeFile(file('ca.pem'), certificate.caPem);
  for (const { zone, zonefile } of zones.auth ?? []) await writeFile(file(`${zone}.zone`), zonefile);
  const port = await freePort();
  await writeFile(file('unbound.conf'), unboundConfig(dir, port, zones));

  const child = spawn(binary, ['-d', '-c', file('unbound.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // If the test process ends without stopping it (a crash, Ctrl-C), do not leave unbound running.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.off('exit', orphanGuard);
    await terminate(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `https://127.0.0.1:${port}/dns-query`, caPem: certificate.caPem, caFile: file('ca.pem'), output: () => output, stop };
}

/** unbound.conf(5) for a DoH-only, local-data-only resolver that runs unprivileged from `dir`. */
export function unboundConfig(dir: string, port: number, zones: UnboundZones): string {
  const q = (text: string) => JSON.stringify(text); // unbound reads double-quoted strings like JSON's
  const lines = [
    'server:',
    '  username: ""', // stay the current user: no setuid, no chroot, everything inside `dir`
    '  chroot: ""',
    `  directory: ${q(dir)}`,
    `  pidfile: ${q(join(dir, 'unbound.pid'))}`,
    '  use-syslog: no',
    '  logfile: ""',
    '  verbosity: 1',
    '  num-threads: 1',
    `  interface: 127.0.0.1@${port}`,
    `  https-port: ${port}`, // the interface on this port serves DoH (RFC 8484) at /dns-query
    `  tls-service-key: ${q(join(dir, 'server.key'))}`,
    `  tls-service-pem: ${q(join(dir, 'server.pem'))}`,
    '  do-ip6: no',
    '  do-udp: no',
    '  access-control: 127.0.0.0/8 allow',
    '  module-config: "iterator"', // no validator: no root trust anchor to fetch
    '  local-zone: "test." nodefault', // unbound blocks the RFC 6761 "test." by default; our zones live there
  ];
  for (const { zone, records } of zones.local ?? []) {
    lines.push(`  local-zone: ${q(`${zone}.`)} static`);
    for (const record of records) lines.push(`  local-data: ${q(record)}`);
  }
  for (const { zone } of zones.auth ?? []) {
    lines.push('auth-zone:', `  name: ${q(`${zone}.`)}`, `  zonefile: ${q(join(dir, `${zone}.zone`))}`);
    lines.push('  for-downstream: no', '  for-upstream: yes', '  fallback-enabled: no');
  }
  lines.push('remote-control:', '  control-enable: no', '');
  return lines.join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Until unbound accepts TCP on the port; fails with its output if it exits or takes more than 10 s. */
async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`unbound exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`unbound did not listen on 127.0.0.1:${port} within 10 s:\n${output()}`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
