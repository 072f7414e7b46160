import { describe, expect, it } from 'vitest';
import { encodeResponse, rr } from './fake-doh';
import { framingError } from './framing';
import { parseResponse } from './wire';

const q = { name: 'www.example.com', type: 'A' as const };
const good = encodeResponse(q, { answers: [rr.a('www.example.com', '192.0.2.1')] });

describe('DNS message framing (RFC 1035 §4.1), checked before the wire library decodes', () => {
  it('a well-formed answer passes', () => {
    expect(framingError(good)).toBeUndefined();
    expect(parseResponse(good, q.name, 'A').ok).toBe(true);
  });

  it('an answer cut anywhere is reported as truncated, never accepted', () => {
    for (let cut = 12; cut < good.length; cut++) {
      const result = parseResponse(good.subarray(0, cut), q.name, 'A');
      expect(result.ok, `cut at ${cut}`).toBe(false);
      if (!result.ok) expect(result.message, `cut at ${cut}`).toMatch(/truncated|shorter/);
    }
  });

  it('an A record whose RDLENGTH claims 65535 bytes is refused (the library alone accepted it)', () => {
    const bad = good.slice();
    // RDLENGTH is the two bytes before the 4-byte address at the end.
    bad[bad.length - 6] = 0xff;
    bad[bad.length - 5] = 0xff;
    expect(framingError(bad)).toMatch(/RDLENGTH 65535/);
    expect(parseResponse(bad, q.name, 'A').ok).toBe(false);
  });

  it('stray bytes after the last record and a compression pointer outside the message are malformed', () => {
    expect(framingError(new Uint8Array([...good, 0]))).toMatch(/stray/);
    const pointer = good.slice();
    pointer[12] = 0xc0;
    pointer[13] = 0xff;
    expect(framingError(pointer)).toMatch(/bad name/);
  });
});
