// Draws the toolbar icon (a lens over a highlighted line) at 16/32/48/128 px into assets/icons/.
// Run by hand when the design changes; the PNGs are committed so the build needs no image tools.
// A dark-blue disc with a light ring and an amber line reads on both light and dark toolbars.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
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

const layers = [
  // [signed distance function in unit square, colour]
  [(x, y) => Math.hypot(x - 0.5, y - 0.5) - 0.48, [22, 52, 112]],
  [(x, y) => Math.abs(Math.hypot(x - 0.44, y - 0.44) - 0.22) - 0.055, [240, 244, 250]],
  [
    (x, y) => {
      const t = Math.max(0, Math.min(1, ((x - 0.6) * 0.7 + (y - 0.6) * 0.7) / 0.25));
      return Math.hypot(x - (0.6 + 0.175 * t), y - (0.6 + 0.175 * t)) - 0.07;
    },
    [240, 244, 250],
  ],
  [(x, y) => Math.max(Math.abs(x - 0.44) - 0.13, Math.abs(y - 0.47) - 0.045), [255, 190, 40]],
];

function pixelAt(size) {
  return (px, py) => {
    let colour = [0, 0, 0];
    let alpha = 0;
    for (const [sdf, rgb] of layers) {
      // Four samples per pixel smooth the edges at 16 px.
      let cover = 0;
      for (const [ox, oy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ]) {
        if (sdf((px + ox) / size, (py + oy) / size) <= 0) cover += 0.25;
      }
      colour = colour.map((c, i) => c * (1 - cover) + rgb[i] * cover);
      alpha = alpha + cover * (1 - alpha);
    }
    return [...colour.map(Math.round), Math.round(alpha * 255)];
  };
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(
    new URL(`../assets/icons/icon-${size}.png`, import.meta.url),
    png(size, pixelAt(size)),
  );
}
console.log('Wrote assets/icons/icon-{16,32,48,128}.png');
