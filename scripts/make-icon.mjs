// Draws build/icon.png (1024×1024): a teal rounded square with a white receipt, the app's icon.
// electron-builder derives the .ico and .icns from it. Run once: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 1024;
const pixels = Buffer.alloc(size * size * 4);
const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const i = (y * size + x) * 4;
    let rgba = [0, 0, 0, 0];
    if (inRoundedRect(x, y, 40, 40, 984, 984, 200)) rgba = [15, 118 - Math.round((y / size) * 30), 110, 255];
    const receipt = inRoundedRect(x, y, 300, 220, 724, 820, 40) && !(y > 760 && Math.abs(((x - 300) % 70) - 35) + (820 - y) < 60);
    if (receipt) rgba = [255, 255, 255, 255];
    const line = [340, 430, 520].some((ly) => y >= ly && y < ly + 36 && x >= 380 && x <= 644);
    if (line) rgba = [15, 108, 100, 255];
    if (y >= 610 && y < 680 && x >= 380 && x <= 520) rgba = [245, 166, 35, 255];
    pixels.set(rgba, i);
  }
}
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8;
header[9] = 6;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../build/icon.png', import.meta.url), png);
console.log(`wrote build/icon.png (${png.length} bytes)`);
