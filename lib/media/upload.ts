import { Readable } from 'node:stream';
import busboy from 'busboy';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '@/lib/errors';
import { largestLimit, mediaTooLarge, meter, MULTIPART_SLACK_BYTES, type MediaLimits } from './limits';
import type { MediaStore } from './store';
import { ACCEPTED_EXTENSIONS, classify, type Classified, type MediaKind } from './types';

/**
 * `POST /v1/media` bodies (kaizala-connectors.md §5.6): multipart/form-data with ONE file in a part named
 * `files` (the doc) or `FileName` (Swagger). Streamed with busboy, never read whole: the first 64 KiB are
 * sniffed (file-type) to decide the kind — 415 for anything §5.6 does not list — then the rest flows through
 * the size meter of that kind (413 as soon as it is passed) into the store. A refused upload leaves nothing
 * stored. The rest of a refused body is read and dropped (up to the largest limit) so the client gets the
 * answer instead of a reset connection; past that the connection is closed.
 */
export const FILE_FIELDS = ['files', 'filename', 'file'];
const SNIFF_BYTES = 64 * 1024;

export interface StoredUpload extends Classified {
  size: number;
  sha256: string;
}

export const unsupportedMedia = () =>
  new DomainError('MediaTypeNotSupported', { extensions: ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(' ') }, { headers: { Connection: 'close' } });

/**
 * A busboy file stream, read chunk by chunk. It is ALWAYS read to its end: busboy waits for a file stream that
 * is not read (or was destroyed) forever, so a refused file is `discard`ed (read and dropped), never destroyed.
 */
function fileReader(file: Readable) {
  const queue: Buffer[] = [];
  let ended = false;
  let failed: Error | null = null;
  let discarding = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  file.on('data', (chunk: Buffer) => {
    if (discarding) return;
    queue.push(chunk);
    if (queue.length >= 4) file.pause();
    signal();
  });
  file.on('end', () => {
    ended = true;
    signal();
  });
  file.on('error', (err) => {
    failed = err;
    signal();
  });
  async function next(): Promise<Buffer | null> {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        if (queue.length < 4) file.resume();
        return chunk;
      }
      if (failed) throw failed;
      if (ended) return null;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  const discard = () => {
    discarding = true;
    queue.length = 0;
    file.resume();
  };
  /** up to `n` bytes from the front */
  async function head(n: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    while (size < n) {
      const chunk = await next();
      if (!chunk) break;
      chunks.push(chunk);
      size += chunk.length;
    }
    return Buffer.concat(chunks);
  }
  /** the rest; a consumer that stops early (a 413) leaves it to be discarded */
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const chunk = await next();
        if (!chunk) return;
        yield chunk;
      }
    } finally {
      discard();
    }
  }
  return { head, rest, discard };
}

/** `kinds`: the kinds this upload may be (the portal's picture questions take images only); others are refused like an unknown type. */
export async function receiveUpload(
  request: Request,
  opts: { limits: MediaLimits; store: MediaStore; storageKey: string; kinds?: MediaKind[] },
): Promise<StoredUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new DomainError('UnsupportedMediaType', { accepted: 'multipart/form-data' }, { headers: { Connection: 'close' } });
  }
  const max = largestLimit(opts.limits);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > max + MULTIPART_SLACK_BYTES) throw mediaTooLarge('file', max);
  if (!request.body) throw new DomainError('MediaFileMissing');

  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>);
  const parser = busboy({
    headers: { 'content-type': contentType },
    limits: { files: 1, fileSize: max + 1, fields: 20, fieldSize: 4096, parts: 30, headerPairs: 20 },
  });
  // a body without a declared length (chunked) is cut off past the largest limit
  let read = 0;
  source.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > max + MULTIPART_SLACK_BYTES) {
      source.unpipe(parser);
      source.destroy();
      parser.destroy(mediaTooLarge('file', max));
    }
  });

  let stored: Promise<StoredUpload> | null = null;
  let extraFile = false;
  let current: Readable | null = null;
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('file', (field, file, info) => {
      if (stored || !FILE_FIELDS.includes(field.toLowerCase())) {
        file.resume();
        return;
      }
      current = file;
      const reader = fileReader(file);
      stored = (async () => {
        try {
          const head = await reader.head(SNIFF_BYTES);
          const sniffed = head.length ? await fileTypeFromBuffer(head) : undefined;
          const what = classify(sniffed?.ext, info.filename);
          if (!what || (opts.kinds && !opts.kinds.includes(what.kind))) throw unsupportedMedia();
          const m = meter(head, reader.rest(), what.kind, opts.limits[what.kind]);
          await opts.store.put(opts.storageKey, m.body, what.mime);
          return { ...what, ...m.done() };
        } catch (err) {
          // a refused file: the rest of it is read and dropped, so busboy and the client can finish
          reader.discard();
          throw err;
        }
      })();
      stored.catch(() => undefined);
    });
    parser.on('filesLimit', () => (extraFile = true));
    parser.on('error', reject);
    parser.on('close', resolve);
  });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);

  let parseError: unknown = null;
  await parsed.catch((err: unknown) => (parseError = err));
  if (parseError) (current as Readable | null)?.destroy(parseError instanceof Error ? parseError : undefined);
  // the file's own verdict (415, 413, stored) comes first; then what went wrong with the body
  const result = stored ? await (stored as Promise<StoredUpload>) : null;
  if (parseError || !result || extraFile) {
    if (result) await opts.store.delete(opts.storageKey).catch(() => undefined);
    if (parseError instanceof DomainError) throw parseError;
    if (parseError)
      throw new DomainError('InvalidParameters', { detail: 'body: not a complete multipart/form-data body.' }, { headers: { Connection: 'close' } });
    if (extraFile) throw new DomainError('InvalidParameters', { detail: 'files: send one file per upload.' });
    throw new DomainError('MediaFileMissing');
  }
  return result;
}
