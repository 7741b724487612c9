import * as OpenCC from 'opencc-js';

// Control and invisible format characters become spaces so that pasted text (Word, PDF,
// spreadsheets) cannot glue two words together or reach jieba as garbage.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\ufffb]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\ufffb]/;

type Converter = (text: string) => string;

let t2s: Converter | null = null;
let traditionalFlags: Uint8Array | null = null;

/**
 * OpenCC converts with a dictionary trie, which costs about as much as jieba itself on a
 * long abstract. Almost all platform text is already simplified, so we first look for any
 * character that OpenCC would change on its own and only then run the converter on the whole
 * string (phrase-level rules still apply). The flag table is built once from OpenCC itself,
 * so it can never disagree with the converter.
 *
 * `from: 't'` (OpenCC standard traditional) is used rather than `tw`: the Taiwan variant table
 * rewrites characters that are also correct simplified usage (显著 → 显着), which would
 * corrupt simplified input.
 */
function ensureConverter(): { convert: Converter; flags: Uint8Array } {
  if (t2s && traditionalFlags) return { convert: t2s, flags: traditionalFlags };
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const flags = new Uint8Array(0x10000);
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const out = convert(chars.join('\n')).split('\n');
  if (out.length === chars.length) {
    for (let i = 0; i < chars.length; i++) if (out[i] !== chars[i]) flags[0x3400 + i] = 1;
  } else {
    // Defensive: if a future OpenCC merged lines, convert everything CJK rather than miss any.
    for (let c = 0x3400; c <= 0x9fff; c++) flags[c] = 1;
  }
  t2s = convert;
  traditionalFlags = flags;
  return { convert, flags };
}

/**
 * Whether a string contains a character that traditional→simplified conversion would change.
 *
 * @example
 * hasTraditional('數據庫') // true
 * hasTraditional('数据库') // false
 */
export function hasTraditional(text: string): boolean {
  const { flags } = ensureConverter();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && flags[c] === 1) return true;
  }
  return false;
}

/**
 * Converts traditional Chinese to simplified with OpenCC (phrase aware), skipping the work when
 * the text has no traditional character.
 *
 * @example
 * toSimplified('數據庫與資訊技術') // '数据库与资讯技术'
 */
export function toSimplified(text: string): string {
  const { convert } = ensureConverter();
  return hasTraditional(text) ? convert(text) : text;
}

/**
 * The normalization every text goes through before segmentation, on both the index and the
 * query side: control characters → space, NFKC (full-width letters and digits become ASCII,
 * compatibility ideographs become unified ones), lower case, traditional → simplified.
 *
 * @example
 * normalizeText('ＡＢＣ６０６１鋁合金\u0000Deep') // 'abc6061铝合金 deep'
 */
export function normalizeText(text: string): string {
  let s = HAS_CONTROL.test(text) ? text.replace(CONTROL, ' ') : text;
  s = s.normalize('NFKC').toLowerCase();
  return toSimplified(s);
}
