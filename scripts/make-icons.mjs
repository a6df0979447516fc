// Draws the toolbar icon (a page with three text lines, the last one short) as PNGs at
// every size the manifest names. Run once; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size) {
  const px = (x, y) => {
    const u = x / size, v = y / size;
    const r = 0.18, inset = 0.06;
    const inside = (a, b) => {
      const dx = Math.max(inset + r - a, 0, a - (1 - inset - r));
      const dy = Math.max(inset + r - b, 0, b - (1 - inset - r));
      return dx * dx + dy * dy <= r * r;
    };
    if (!inside(u, v)) return [0, 0, 0, 0];
    const line = (top, end) => v >= top && v <= top + 0.1 && u >= 0.24 && u <= end;
    if (line(0.27, 0.76) || line(0.45, 0.76) || line(0.63, 0.56)) return [255, 255, 255, 255];
    return [31, 95, 191, 255];
  };
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4x supersampling keeps the small sizes smooth.
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const p = px(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        for (let i = 0; i < 4; i++) acc[i] += p[i] * (i < 3 ? p[3] / 255 : 1);
      }
      const a = acc[3] / 16;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? acc[0] / 16 / (a / 255) : 0;
      raw[o + 1] = a ? acc[1] / 16 / (a / 255) : 0;
      raw[o + 2] = a ? acc[2] / 16 / (a / 255) : 0;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/${size}.png`, icon(size));
