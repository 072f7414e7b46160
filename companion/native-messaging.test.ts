import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { encodeFrame, FrameDecoder, openNativePort, type FrameEvent } from './native-messaging';
import { MAX_MESSAGE_TO_EXTENSION, type ConfigureMessage, type OutgoingMessage } from './protocol';

const configure: ConfigureMessage = {
  type: 'configure',
  resolvers: ['https://dns.alpha.example/dns-query'],
  strategy: 'site',
  secret: 'cd'.repeat(32),
  rekeyDays: 0,
  auth: 'none',
};

/** A frame as the browser writes one: little-endian length (x86), then the JSON. */
function frame(value: unknown, byteOrder: 'LE' | 'BE' = 'LE'): Buffer {
  const body = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
  const head = Buffer.alloc(4);
  if (byteOrder === 'LE') head.writeUInt32LE(body.length);
  else head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
}

const messages = (events: FrameEvent[]) => events.map((e) => (e.kind === 'message' ? e.message : e.error));

describe('FrameDecoder', () => {
  it('reassembles a message split into single bytes', () => {
    const decoder = new FrameDecoder({ byteOrder: 'LE' });
    const bytes = frame(configure);
    const events: FrameEvent[] = [];
    for (const byte of bytes) events.push(...decoder.push(Buffer.from([byte])));
    expect(messages(events)).toEqual([configure]);
  });

  it('reads several messages from one chunk, and one split across the next', () => {
    const decoder = new FrameDecoder({ byteOrder: 'LE' });
    const joined = Buffer.concat([frame(configure), frame({ ...configure, auth: 'password' }), frame(configure)]);
    const cut = joined.length - 7;
    expect(messages(decoder.push(joined.subarray(0, cut)))).toEqual([configure, { ...configure, auth: 'password' }]);
    expect(messages(decoder.push(joined.subarray(cut)))).toEqual([configure]);
  });

  it('reads the length in the byte order asked for (the machine’s own by default)', () => {
    expect(messages(new FrameDecoder({ byteOrder: 'BE' }).push(frame(configure, 'BE')))).toEqual([configure]);
  });

  it('skips an oversize message as it arrives, says so, and reads the next one', () => {
    const decoder = new FrameDecoder({ byteOrder: 'LE', maxLength: 100 });
    const big = frame({ type: 'configure', padding: 'x'.repeat(500) });
    const first = decoder.push(Buffer.concat([big.subarray(0, 50)]));
    expect(messages(first)).toEqual([expect.stringMatching(/message of 5\d\d bytes is over the companion's limit of 100 bytes; it was skipped/)]);
    expect(decoder.push(big.subarray(50, 300))).toEqual([]);
    expect(messages(decoder.push(Buffer.concat([big.subarray(300), frame({ type: 'x' })])))).toEqual([expect.stringMatching(/Unknown message type "x"/)]);
  });

  it('answers an error for a frame that is not UTF-8 JSON, and goes on', () => {
    const decoder = new FrameDecoder({ byteOrder: 'LE' });
    const notUtf8 = Buffer.concat([Buffer.from([2, 0, 0, 0]), Buffer.from([0xc3, 0x28])]);
    expect(messages(decoder.push(Buffer.concat([frame('{"type":'), notUtf8, frame(configure)])))).toEqual([
      'A message was not UTF-8 JSON.',
      'A message was not UTF-8 JSON.',
      configure,
    ]);
  });
});

describe('encodeFrame', () => {
  it('writes the length then the UTF-8 JSON', () => {
    const message: OutgoingMessage = { type: 'error', message: 'é' };
    const bytes = encodeFrame(message, 'LE');
    expect(bytes.readUInt32LE(0)).toBe(bytes.length - 4);
    expect(JSON.parse(bytes.subarray(4).toString('utf8'))).toEqual(message);
  });

  it('sends an error instead of a message over the browser’s 1 MB limit', () => {
    const huge: OutgoingMessage = { type: 'lookup', site: 'a.com', name: 'a.com', resolver: null, addresses: Array(100_000).fill('2001:db8::1234:5678'), connected: null, at: 0 };
    const bytes = encodeFrame(huge, 'LE');
    expect(bytes.length).toBeLessThan(MAX_MESSAGE_TO_EXTENSION);
    expect(JSON.parse(bytes.subarray(4).toString('utf8'))).toEqual({
      type: 'error',
      message: expect.stringMatching(/A lookup message of \d+ bytes is over the browser's limit of 1048576 bytes; it was not sent/),
    });
  });
});

describe('openNativePort', () => {
  it('delivers messages, answers bad ones with an error, and closes when the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const onMessage = vi.fn();
    const closed = new Promise<void>((resolve) => openNativePort({ input, output, onMessage, onClose: resolve }));
    const native = (value: unknown) => encodeFrame(value as OutgoingMessage); // the machine's own order, as the port reads
    input.write(Buffer.concat([native(configure), native({ type: 'nope' })]));
    input.end();
    await closed;
    expect(onMessage).toHaveBeenCalledWith(configure);
    const reply = output.read() as Buffer;
    expect(JSON.parse(reply.subarray(4).toString('utf8'))).toMatchObject({ type: 'error', message: expect.stringMatching(/Unknown message type "nope"/) });
  });
});
