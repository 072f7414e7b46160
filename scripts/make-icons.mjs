// Draws Diffuse's icon (a core dot with three satellites: one source spread over several) as PNGs.
// Run once when the design changes: node scripts/make-icons.mjs. Output: public/icon/<size>.png.
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

function icon(size) {
  const dots = [
    [0.5, 0.5, 0.2, [38, 99, 235]],
    [0.2, 0.22, 0.12, [14, 165, 133]],
    [0.82, 0.28, 0.12, [14, 165, 133]],
    [0.6, 0.85, 0.12, [14, 165, 133]],
  ];
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let px = [0, 0, 0, 0];
      for (const [cx, cy, r, rgb] of dots) {
        const d = Math.hypot((x + 0.5) / size - cx, (y + 0.5) / size - cy);
        const a = Math.max(0, Math.min(1, (r - d) * size + 0.5));
        if (a > 0) px = [...rgb, Math.round(255 * Math.max(a, px[3] / 255))];
      }
      raw.set(px, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
