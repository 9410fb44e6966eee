// Draws the app icons (a white barbell on the brand blue) into public/ as PNGs, with no image library:
// `node scripts/generate-icons.mjs`. The output is committed; re-run only to change the artwork.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../public');
const BLUE = [0x1d, 0x4e, 0xd8];
const WHITE = [0xff, 0xff, 0xff];

/**
 * `maskable`: the background fills the square and the barbell stays inside the central safe zone (a circle of
 * 80 % diameter), so launchers may crop it to any shape. Otherwise a rounded square on a transparent background.
 */
function draw(size, maskable) {
  const px = new Uint8Array(size * size * 4);
  const scale = maskable ? 0.62 : 0.8; // the barbell's width as a share of the icon
  const u = (size * scale) / 100; // drawing units: the barbell is 100 wide, centred
  const cx = size / 2;
  const cy = size / 2;
  // [x0, x1, halfHeight] in units: the bar, then per side a big plate, a small plate and a collar.
  const side = [
    [10, 20, 28],
    [22, 27, 19],
    [29, 32, 9],
  ];
  const parts = [[-50, 50, 3], ...side, ...side.map(([x0, x1, h]) => [-x1, -x0, h])];
  const radius = maskable ? 0 : size * 0.2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      if (!insideRoundedSquare(x + 0.5, y + 0.5, size, radius)) continue;
      const ux = (x + 0.5 - cx) / u;
      const uy = (y + 0.5 - cy) / u;
      const onBarbell = parts.some(([x0, x1, h]) => ux >= x0 && ux <= x1 && Math.abs(uy) <= h);
      const [r, g, b] = onBarbell ? WHITE : BLUE;
      px.set([r, g, b, 255], i);
    }
  }
  return encodePng(size, px);
}

function insideRoundedSquare(x, y, size, r) {
  if (r === 0) return true;
  const dx = Math.max(r - x, x - (size - r), 0);
  const dy = Math.max(r - y, y - (size - r), 0);
  return dx * dx + dy * dy <= r * r;
}

function encodePng(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const icons = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-192.png', 192, true],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
];
fs.mkdirSync(OUT_DIR, { recursive: true });
for (const [name, size, maskable] of icons) fs.writeFileSync(path.join(OUT_DIR, name), draw(size, maskable));
console.log(`wrote ${icons.length} icons to ${OUT_DIR}`);
