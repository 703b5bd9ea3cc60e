#!/usr/bin/env node
/**
 * Draws the field app's icons (web/public/icons/*.png) without an image library: a navy square with
 * a white calendar page and two rings, written as a plain RGB PNG. Run again only to change them.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [0x1e, 0x3a, 0x5f];
const WHITE = [0xff, 0xff, 0xff];
const RED = [0xc0, 0x39, 0x2b];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function nearSegment(u, v, x0, y0, x1, y1) {
  const dx = x1 - x0, dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((u - x0) * dx + (v - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (x0 + t * dx), v - (y0 + t * dy)) < 0.035;
}

/** `safe` shrinks the drawing into the maskable safe zone (the inner 80 %). */
function icon(size, safe) {
  const pad = safe ? 0.22 : 0.16;
  const inside = (x, y, x0, y0, x1, y1) => x >= x0 * size && x < x1 * size && y >= y0 * size && y < y1 * size;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      let colour = NAVY;
      if (inside(x, y, pad, pad + 0.06, 1 - pad, 1 - pad)) colour = WHITE;
      if (inside(x, y, pad, pad + 0.06, 1 - pad, pad + 0.2)) colour = RED;
      if (inside(x, y, 0.34, pad, 0.4, pad + 0.13) || inside(x, y, 0.6, pad, 0.66, pad + 0.13)) colour = NAVY;
      // A check mark: the day is checked in.
      const u = x / size, v = y / size;
      if (nearSegment(u, v, 0.34, 0.6, 0.46, 0.72) || nearSegment(u, v, 0.46, 0.72, 0.68, 0.46)) colour = NAVY;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 2; // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = new URL('../web/public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, false));
writeFileSync(new URL('icon-512.png', out), icon(512, false));
writeFileSync(new URL('maskable-512.png', out), icon(512, true));
writeFileSync(new URL('apple-touch-icon.png', out), icon(180, false));
