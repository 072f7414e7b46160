/**
 * Native-messaging framing over the host's stdin and stdout: each message is a 32-bit unsigned length in the
 * machine's own byte order (little-endian on x86 and ARM as browsers run them), then that many octets of UTF-8
 * JSON (Chrome "Native messaging", MDN "Native messaging"). Chunks from a pipe split and join messages freely,
 * so the reader keeps what it has until a whole frame is there.
 */
import { endianness } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { checkIncoming, MAX_MESSAGE_FROM_EXTENSION, MAX_MESSAGE_TO_EXTENSION, type IncomingMessage, type OutgoingMessage } from './protocol';

export type ByteOrder = 'LE' | 'BE';

/** What one frame turned into: a checked message, or a sentence for an `error` reply. */
export type FrameEvent = { kind: 'message'; message: IncomingMessage } | { kind: 'error'; error: string };

/**
 * Splits a byte stream into frames. A frame longer than `maxLength` is skipped as its bytes arrive (never held),
 * so one bad frame costs an error, not the stream: its length prefix still says where the next one starts.
 */
export class FrameDecoder {
  private buffered: Buffer = Buffer.alloc(0);
  private skipping = 0;

  constructor(private readonly options: { byteOrder?: ByteOrder; maxLength?: number } = {}) {}

  push(chunk: Buffer): FrameEvent[] {
    const events: FrameEvent[] = [];
    let data = this.buffered.length > 0 ? Buffer.concat([this.buffered, chunk]) : chunk;
    for (;;) {
      if (this.skipping > 0) {
        const skipped = Math.min(this.skipping, data.length);
        this.skipping -= skipped;
        data = data.subarray(skipped);
        if (this.skipping > 0) break;
      }
      if (data.length < 4) break;
      const length = (this.options.byteOrder ?? endianness()) === 'LE' ? data.readUInt32LE(0) : data.readUInt32BE(0);
      const max = this.options.maxLength ?? MAX_MESSAGE_FROM_EXTENSION;
      if (length > max) {
        events.push({ kind: 'error', error: `A message of ${length} bytes is over the companion's limit of ${max} bytes; it was skipped.` });
        this.skipping = length;
        data = data.subarray(4);
        continue;
      }
      if (data.length < 4 + length) break;
      events.push(parseFrame(data.subarray(4, 4 + length)));
      data = data.subarray(4 + length);
    }
    // A copy, so the chunk the stream handed us is not kept alive by a few leftover bytes.
    this.buffered = Buffer.from(data);
    return events;
  }
}

function parseFrame(body: Buffer): FrameEvent {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { kind: 'error', error: 'A message was not UTF-8 JSON.' };
  }
  const check = checkIncoming(value);
  return check.ok ? { kind: 'message', message: check.message } : { kind: 'error', error: check.error };
}

/**
 * One frame for the extension, or, when the message is over the browser's 1 MB limit (the browser would close
 * the port), an `error` frame that says so instead.
 */
export function encodeFrame(message: OutgoingMessage, byteOrder: ByteOrder = endianness()): Buffer {
  let body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > MAX_MESSAGE_TO_EXTENSION) {
    const error = { type: 'error', message: `A ${message.type} message of ${body.length} bytes is over the browser's limit of ${MAX_MESSAGE_TO_EXTENSION} bytes; it was not sent.` };
    body = Buffer.from(JSON.stringify(error), 'utf8');
  }
  const frame = Buffer.alloc(4 + body.length);
  if (byteOrder === 'LE') frame.writeUInt32LE(body.length, 0);
  else frame.writeUInt32BE(body.length, 0);
  body.copy(frame, 4);
  return frame;
}

export interface NativePort {
  send(message: OutgoingMessage): void;
}

/**
 * The port over a readable (stdin) and a writable (stdout). Bad frames are answered with an `error` message and
 * reading goes on; `onClose` runs once when the input ends (the browser closed the port) or fails.
 */
export function openNativePort(options: {
  input: Readable;
  output: Writable;
  onMessage: (message: IncomingMessage) => void;
  onClose: () => void;
}): NativePort {
  const decoder = new FrameDecoder();
  const port: NativePort = { send: (message) => void options.output.write(encodeFrame(message)) };
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    options.onClose();
  };
  options.input.on('data', (chunk: Buffer) => {
    for (const event of decoder.push(chunk)) {
      if (event.kind === 'message') options.onMessage(event.message);
      else port.send({ type: 'error', message: event.error });
    }
  });
  options.input.on('end', close);
  options.input.on('close', close);
  options.input.on('error', close);
  // The browser gone, writes fail with EPIPE: nobody is left to tell, so end like a closed port.
  options.output.on('error', close);
  return port;
}
