/**
 * A small random-access zip reader for looking into an XLSX before streaming it: the central
 * directory tells at once whether the file is a whole zip (a cut-off download is not), which
 * parts it has and how large they unpack, and lets us read `xl/workbook.xml` or scan one sheet
 * without unpacking the rest. exceljs's streaming reader then reads the rows.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** Why a zip could not be read; the caller turns it into a message for people. */
export class ZipError extends Error {
  override name = 'ZipError';
}

interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  stream(start: number, end: number): Readable;
  close(): Promise<void>;
}

function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    read: async (offset, length) => buf.subarray(offset, offset + length),
    stream: (start, end) => {
      // chunks of 64 KiB keep inflate's output, and so memory, in small steps
      const chunks = function* () {
        for (let i = start; i < end; i += 65536) yield buf.subarray(i, Math.min(end, i + 65536));
      };
      return Readable.from(chunks(), { objectMode: false });
    },
    close: async () => {},
  };
}

async function fileSource(path: string): Promise<ByteSource> {
  const fh: FileHandle = await open(path, 'r');
  const { size } = await fh.stat();
  return {
    size,
    read: async (offset, length) => {
      const b = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      await fh.read(b, 0, b.length, offset);
      return b;
    },
    stream: (start, end) => (end > start ? createReadStream(path, { start, end: end - 1 }) : Readable.from([])),
    close: () => fh.close(),
  };
}

export class ZipArchive {
  private constructor(
    private readonly src: ByteSource,
    readonly entries: Map<string, ZipEntry>,
  ) {}

  /**
   * Opens a zip held in memory or on disk and reads its central directory.
   *
   * @example
   * const zip = await ZipArchive.open(buffer);
   * zip.has('xl/workbook.xml'); // true for an XLSX
   * const xml = (await zip.read('xl/workbook.xml')).toString('utf8');
   * await zip.close();
   */
  static async open(input: Buffer | string): Promise<ZipArchive> {
    const src = typeof input === 'string' ? await fileSource(input) : bufferSource(input);
    try {
      return new ZipArchive(src, await readDirectory(src));
    } catch (e) {
      await src.close();
      throw e;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The sum of the unpacked sizes: a zip bomb shows here before anything is unpacked. */
  get unpackedSize(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.size;
    return n;
  }

  private async dataStart(e: ZipEntry): Promise<number> {
    const h = await this.src.read(e.localOffset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`bad local header for ${e.name}`);
    return e.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  }

  private entry(name: string): ZipEntry {
    const e = this.entries.get(name);
    if (!e) throw new ZipError(`no ${name} in the archive`);
    if (e.encrypted) throw new ZipError(`${name} is encrypted`);
    if (e.method !== 0 && e.method !== 8) throw new ZipError(`${name} uses compression method ${e.method}`);
    return e;
  }

  /** One part unpacked into memory; for small parts (workbook.xml, rels). */
  async read(name: string): Promise<Buffer> {
    const e = this.entry(name);
    const start = await this.dataStart(e);
    const data = await this.src.read(start, e.compressedSize);
    if (data.length < e.compressedSize) throw new ZipError(`${name} is cut off`);
    try {
      return e.method === 0 ? data : inflateRawSync(data);
    } catch (err) {
      throw new ZipError(`${name} cannot be unpacked: ${(err as Error).message}`);
    }
  }

  /** One part unpacked as a stream; for sheets, which may be large. */
  async stream(name: string): Promise<Readable> {
    const e = this.entry(name);
    const start = await this.dataStart(e);
    if (start + e.compressedSize > this.src.size) throw new ZipError(`${name} is cut off`);
    const raw = this.src.stream(start, start + e.compressedSize);
    if (e.method === 0) return raw;
    const inflate = createInflateRaw();
    raw.on('error', (err) => inflate.destroy(err));
    return raw.pipe(inflate);
  }

  close(): Promise<void> {
    return this.src.close();
  }
}

async function readDirectory(src: ByteSource): Promise<Map<string, ZipEntry>> {
  if (src.size < 22) throw new ZipError('too short for a zip');
  const tailLength = Math.min(src.size, 65535 + 22);
  const tail = await src.read(src.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory: the file is cut off');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipError('zip64 archives are not supported');
  if (cdOffset + cdSize > src.size) throw new ZipError('the central directory lies beyond the end of the file');
  const cd = await src.read(cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('damaged central directory');
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      encrypted: (flags & 1) === 1,
    };
    if (entry.localOffset >= src.size) throw new ZipError(`${name} lies beyond the end of the file`);
    entries.set(name.replace(/^\//, ''), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
