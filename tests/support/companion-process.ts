import { spawn, type ChildProcess } from 'node:child_process';
import { endianness } from 'node:os';
import type { OutgoingMessage } from '../../companion/protocol';

/**
 * The companion as the browser runs it: a child process whose stdin and stdout are the native-messaging port.
 * The test plays the extension: it reads frames (32-bit length in the machine's order, then JSON) and writes them.
 */
export class CompanionProcess {
  readonly messages: OutgoingMessage[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private buffered = Buffer.alloc(0);
  private waiters: { test: (m: OutgoingMessage) => boolean; resolve: (m: OutgoingMessage) => void }[] = [];

  constructor(bundle: string, env: Record<string, string | undefined>) {
    this.child = spawn(process.execPath, [bundle], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Sends one message as the extension would (any JSON value, to test refusals too). */
  send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const head = Buffer.alloc(4);
    if (endianness() === 'LE') head.writeUInt32LE(body.length);
    else head.writeUInt32BE(body.length);
    this.child.stdin?.write(Buffer.concat([head, body]));
  }

  /** The first message (already received or still to come) that passes `test`. */
  next<T extends OutgoingMessage>(test: (m: OutgoingMessage) => m is T, timeoutMs = 10_000): Promise<T> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such message within ${timeoutMs} ms; got ${JSON.stringify(this.messages).slice(0, 500)}`)), timeoutMs);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m as T)) });
    });
  }

  /** Closes the port as the browser does when the extension lets it go. */
  closePort(): void {
    this.child.stdin?.end();
  }

  kill(): void {
    this.child.kill();
  }

  private read(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 4) {
      const length = endianness() === 'LE' ? this.buffered.readUInt32LE(0) : this.buffered.readUInt32BE(0);
      if (this.buffered.length < 4 + length) break;
      const message = JSON.parse(this.buffered.subarray(4, 4 + length).toString('utf8')) as OutgoingMessage;
      this.buffered = this.buffered.subarray(4 + length);
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => !(w.test(message) && (w.resolve(message), true)));
    }
  }
}

export const isReady = (m: OutgoingMessage): m is Extract<OutgoingMessage, { type: 'ready' }> => m.type === 'ready';
export const isError = (m: OutgoingMessage): m is Extract<OutgoingMessage, { type: 'error' }> => m.type === 'error';
export const isLookupOf =
  (name: string) =>
  (m: OutgoingMessage): m is Extract<OutgoingMessage, { type: 'lookup' }> =>
    m.type === 'lookup' && m.name === name;
