import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { config, type Config } from '@/lib/config';

/**
 * Where media files live, behind one interface: the local disk (default, under the data folder) or an
 * S3-compatible object store (MEDIA_STORE=s3). Keys are ours (`<tenant>/<media id>`), never a client's name.
 * `put` streams: nothing is held in memory beyond a chunk (the local disk) or one 5 MiB part (S3 multipart,
 * @aws-sdk/lib-storage); when the body fails (a 413 while streaming) nothing is left behind.
 */
export interface MediaStore {
  readonly name: 'local' | 's3';
  put(key: string, body: AsyncIterable<Buffer>, contentType: string): Promise<void>;
  /** the file, or the bytes `range.start`..`range.end` (inclusive) of it */
  get(key: string, range?: ByteRange): Promise<{ body: Readable; size: number | undefined }>;
  delete(key: string): Promise<void>;
}

export interface ByteRange {
  start: number;
  end: number;
}

export class LocalMediaStore implements MediaStore {
  readonly name = 'local' as const;
  constructor(private readonly dir: string) {}

  private file(key: string) {
    const p = path.resolve(this.dir, key);
    if (!p.startsWith(path.resolve(this.dir) + path.sep)) throw new Error('media key outside the media folder');
    return p;
  }

  async put(key: string, body: AsyncIterable<Buffer>): Promise<void> {
    const tmpDir = path.join(this.dir, '.incoming');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    try {
      await pipeline(Readable.from(body), createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
      const dest = this.file(key);
      await mkdir(path.dirname(dest), { recursive: true });
      await rename(tmp, dest);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string, range?: ByteRange) {
    const p = this.file(key);
    const { size } = await stat(p);
    return { body: createReadStream(p, range ? { start: range.start, end: range.end } : {}), size };
  }

  async delete(key: string) {
    await rm(this.file(key), { force: true });
  }
}

export class S3MediaStore implements MediaStore {
  readonly name = 's3' as const;
  private readonly client: S3Client;
  constructor(
    private readonly bucket: string,
    private readonly prefix: string,
    opts: { region: string; endpoint?: string; forcePathStyle: boolean; accessKeyId?: string; secretAccessKey?: string },
  ) {
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      credentials: opts.accessKeyId && opts.secretAccessKey ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } : undefined,
      // S3-compatible stores (MinIO, R2, local test servers) do not all take the SDK's default
      // streaming checksums (aws-chunked trailers): checksum only where the API requires one
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(key: string) {
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: AsyncIterable<Buffer>, contentType: string): Promise<void> {
    // why the body stopped (a 413) matters more than how aborting the multipart upload went
    let bodyError: unknown = null;
    async function* watched() {
      try {
        yield* body;
      } catch (err) {
        bodyError = err;
        throw err;
      }
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.key(key), Body: Readable.from(watched()), ContentType: contentType },
      partSize: 5 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      throw bodyError ?? err;
    }
  }

  async get(key: string, range?: ByteRange) {
    const out = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: this.key(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
    );
    return { body: out.Body as Readable, size: out.ContentLength };
  }

  async delete(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
  }
}

export function storeFromConfig(c: Config): MediaStore {
  if (c.MEDIA_STORE === 's3') {
    if (!c.S3_BUCKET) throw new Error('S3_BUCKET is required with MEDIA_STORE=s3.');
    return new S3MediaStore(c.S3_BUCKET, c.S3_PREFIX, {
      region: c.S3_REGION,
      endpoint: c.S3_ENDPOINT,
      forcePathStyle: c.S3_FORCE_PATH_STYLE,
      accessKeyId: c.S3_ACCESS_KEY_ID,
      secretAccessKey: c.S3_SECRET_ACCESS_KEY,
    });
  }
  return new LocalMediaStore(path.resolve(c.MEDIA_DIR));
}

let store: MediaStore | undefined;
/** The configured store (one per process). */
export function mediaStore(): MediaStore {
  store ??= storeFromConfig(config());
  return store;
}
