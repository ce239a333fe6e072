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
