import { deflateSync } from 'node:zlib';

/**
 * Small real files of the accepted kinds, made in code (tests: unit and end-to-end). A PNG of any size
 * (`padTo` adds a private ancillary chunk, so the file stays a valid PNG), a PDF, a JPEG header.
 */
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function samplePng(padTo = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const idat = deflateSync(Buffer.from([0, 0x33, 0x66, 0x99]));
  const parts = [Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', idat)];
  const base = Buffer.concat([...parts, chunk('IEND', Buffer.alloc(0))]);
  if (padTo <= base.length) return base;
  const pad = chunk('pdPd', Buffer.alloc(Math.max(0, padTo - base.length - 12)));
  return Buffer.concat([...parts, pad, chunk('IEND', Buffer.alloc(0))]);
}

export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
}

export function sampleJpeg(): Buffer {
  return Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64), Buffer.from('ffd9', 'hex')]);
}

/** A `width` × `height` RGB PNG painted with a diagonal gradient from `from` to `to` (hex colours): a picture worth looking at in screenshots. */
export function samplePicture(width = 160, height = 120, from = '2563eb', to = 'f59e0b'): Buffer {
  const a = [0, 2, 4].map((i) => parseInt(from.slice(i, i + 2), 16));
  const b = [0, 2, 4].map((i) => parseInt(to.slice(i, i + 2), 16));
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const t = (x / Math.max(1, width - 1) + y / Math.max(1, height - 1)) / 2;
      for (let c = 0; c < 3; c++) raw[y * (width * 3 + 1) + 1 + x * 3 + c] = Math.round(a[c]! + (b[c]! - a[c]!) * t);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Bytes that are recognised as an MP4 video (an `ftyp` box, then `size` bytes of filler). */
export function sampleMp4(size = 4096): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41')]);
  return Buffer.concat([ftyp, Buffer.alloc(Math.max(0, size - ftyp.length), 7)]);
}

/** Bytes that are recognised as an MP3 (an ID3 tag and a frame header, then filler). */
export function sampleMp3(size = 4096): Buffer {
  const head = Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0xfb, 0x90, 0x64])]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 1)]);
}
