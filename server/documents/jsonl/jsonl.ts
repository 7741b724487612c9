/**
 * JSON Lines reader: one JSON value per line, blank lines ignored. Lines that do not parse are
 * reported with their line number instead of stopping the read, so every problem of a file is
 * known in one pass.
 *
 * @example
 * readJsonl('{"a":1}\n\n{"a":2}') // { rows: [{line:1,value:{a:1}},{line:3,value:{a:2}}], errors: [] }
 */
export interface JsonlRow {
  line: number;
  value: unknown;
}

export interface JsonlError {
  line: number;
  message: string;
}

export function readJsonl(text: string): { rows: JsonlRow[]; errors: JsonlError[] } {
  const rows: JsonlRow[] = [];
  const errors: JsonlError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    try {
      rows.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (e) {
      errors.push({ line: i + 1, message: `not valid JSON (${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')})` });
    }
  }
  return { rows, errors };
}
