/**
 * Text encodings of CSV files as they arrive: UTF-8 with or without BOM (Excel's "CSV UTF-8",
 * most systems), GBK/GB18030 (Excel and WPS on Chinese Windows save plain "CSV" so), UTF-16 with
 * BOM (Excel's "Unicode text"). Detection is by validity, not by statistics: GBK text is almost
 * never valid UTF-8, so a file that is valid UTF-8 is read as UTF-8, else as GB18030 (a superset
 * of GBK) when it is valid GB18030, else refused with the first bad byte's position.
 */
import { TextDecoder } from 'node:util';
import { SpreadsheetError } from '../table/errors.js';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Result of scanning bytes: the first bad byte (-1 if none) and where a character cut off by the end begins (the length if none). */
export interface ByteScan {
  bad: number;
  tail: number;
}

/**
 * Scans UTF-8: no stray continuation bytes, no overlong forms, no surrogates.
 *
 * @example
 * scanUtf8(Buffer.from([0x61, 0xe5, 0xae])) // { bad: -1, tail: 1 } (宁 cut after two bytes)
 */
export function scanUtf8(b: Uint8Array): ByteScan {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // continuation bytes needed, and the least code point that many may encode (no overlongs)
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) return { bad: i, tail: n };
    if (i + need >= n) {
      for (let k = i + 1; k < n; k++) if ((b[k] & 0xc0) !== 0x80) return { bad: i, tail: n };
      return { bad: -1, tail: i };
    }
    let cp = c & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) return { bad: i, tail: n };
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < 0x80 || (need === 2 && cp < 0x800) || (need === 3 && cp < 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return { bad: i, tail: n };
    }
    i += need + 1;
  }
  return { bad: -1, tail: n };
}

/**
 * Scans GB18030: one byte up to 0x80 (0x80 is the euro sign in code page 936); two bytes, lead
 * 81–FE and trail 40–7E or 80–FE; four bytes 81–FE 30–39 81–FE 30–39.
 */
export function scanGb18030(b: Uint8Array): ByteScan {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c <= 0x80) {
      i++;
      continue;
    }
    if (c === 0xff) return { bad: i, tail: n };
    if (i + 1 >= n) return { bad: -1, tail: i };
    const d = b[i + 1];
    if ((d >= 0x40 && d <= 0x7e) || (d >= 0x80 && d <= 0xfe)) {
      i += 2;
      continue;
    }
    if (d >= 0x30 && d <= 0x39) {
      if (i + 2 >= n) return { bad: -1, tail: i };
      const e = b[i + 2];
      if (e < 0x81 || e > 0xfe) return { bad: i, tail: n };
      if (i + 3 >= n) return { bad: -1, tail: i };
      const f = b[i + 3];
      if (f >= 0x30 && f <= 0x39) {
        i += 4;
        continue;
      }
    }
    return { bad: i, tail: n };
  }
  return { bad: -1, tail: n };
}

/**
 * Offset of the first byte that breaks UTF-8, or -1. With `partialTail`, a character cut off by
 * the end is not an error (the next chunk completes it).
 *
 * @example
 * firstInvalidUtf8(Buffer.from([0x41, 0xff])) // 1
 */
export function firstInvalidUtf8(b: Uint8Array, partialTail = false): number {
  const s = scanUtf8(b);
  return s.bad >= 0 || partialTail || s.tail === b.length ? s.bad : s.tail;
}

/** Like {@link firstInvalidUtf8}, for GB18030. */
export function firstInvalidGb18030(b: Uint8Array, partialTail = false): number {
  const s = scanGb18030(b);
  return s.bad >= 0 || partialTail || s.tail === b.length ? s.bad : s.tail;
}

/** Line number (1-based) of a byte offset, counting `\n` bytes before it from `startLine`. */
function lineAt(b: Uint8Array, offset: number, startLine: number): number {
  let line = startLine;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

function encodingError(chunk: Uint8Array, at: number, chunkOffset: number, startLine: number): SpreadsheetError {
  return new SpreadsheetError('CSV_ENCODING', { offset: chunkOffset + at, line: lineAt(chunk, at, startLine) });
}

/**
 * A streaming decoder that settles the encoding on the first bytes that tell (ASCII says nothing:
 * it reads the same in all of them), then decodes strictly: a byte that does not fit is an error
 * naming its line and offset, never a silent "�".
 *
 * @example
 * const d = new CsvDecoder();
 * const text = d.write(chunk1) + d.write(chunk2) + d.end();
 * d.encoding // 'gb18030'
 */
export class CsvDecoder {
  encoding: TextEncoding | undefined;
  private decoder: TextDecoder | undefined;
  private offset = 0;
  private line = 1;
  private first = true;
  private carry: Buffer = Buffer.alloc(0);

  write(chunk: Uint8Array): string {
    const b = chunk;
    if (this.first) {
      this.first = false;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.start('utf-8');
      else if (b[0] === 0xff && b[1] === 0xfe) this.start('utf-16le');
      else if (b[0] === 0xfe && b[1] === 0xff) this.start('utf-16be');
    }
    if (!this.decoder) {
      const firstHigh = b.findIndex((x) => x >= 0x80);
      if (firstHigh < 0) return this.pass(b, Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1'));
      // decide on this chunk: valid UTF-8 (allowing a character cut at its end) wins
      if (scanUtf8(b).bad < 0) this.start('utf-8');
      else if (scanGb18030(b).bad < 0) this.start('gb18030');
      else throw encodingError(b, scanUtf8(b).bad, this.offset, this.line);
    }
    if (this.encoding === 'utf-8' || this.encoding === 'gb18030') {
      // scan with the previous chunk's unfinished character in front, so offsets are exact
      const joined = this.carry.length ? Buffer.concat([this.carry, b]) : b;
      const scan = this.encoding === 'utf-8' ? scanUtf8(joined) : scanGb18030(joined);
      if (scan.bad >= 0) {
        const at = scan.bad - this.carry.length;
        throw encodingError(b, Math.max(0, at), this.offset + Math.min(0, at), this.line);
      }
      this.carry = Buffer.from(joined.subarray(scan.tail));
    }
    let text: string;
    try {
      text = (this.decoder as TextDecoder).decode(b, { stream: true });
    } catch {
      throw encodingError(b, 0, this.offset, this.line);
    }
    return this.pass(b, text);
  }

  end(): string {
    if (!this.decoder) return '';
    try {
      return this.decoder.decode();
    } catch {
      // a character cut off by the end of the file
      throw new SpreadsheetError('CSV_ENCODING', { offset: this.offset - this.carry.length, line: this.line });
    }
  }

  private start(encoding: TextEncoding): void {
    this.encoding = encoding;
    // the BOM is dropped by the decoder itself (ignoreBOM false)
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  private pass(b: Uint8Array, text: string): string {
    for (let i = 0; i < b.length; i++) if (b[i] === 0x0a) this.line++;
    this.offset += b.length;
    return text;
  }
}
