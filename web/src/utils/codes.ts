/**
 * The USCC (统一社会信用代码, GB 32100-2015) check, as server/shared/codes.ts does it, for an
 * instant hint while typing. The server stays the judge.
 */
export const usccCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckDigit(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = usccCharset.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * weights[i];
  }
  const c = 31 - (sum % 31);
  return usccCharset[c === 31 ? 0 : c];
}

export type UsccHint =
  | { kind: 'empty' }
  | { kind: 'chars'; chars: string }
  | { kind: 'length'; n: number }
  | { kind: 'check'; expected: string }
  | { kind: 'ok' };

/** What is wrong with a USCC as typed, if anything. */
export function usccHint(raw: string): UsccHint {
  const s = raw.trim().toUpperCase();
  if (!s) return { kind: 'empty' };
  const bad = [...new Set([...s].filter((c) => !usccCharset.includes(c)))];
  if (bad.length) return { kind: 'chars', chars: bad.join(' ') };
  if (s.length !== 18) return { kind: 'length', n: s.length };
  const expected = usccCheckDigit(s.slice(0, 17));
  if (expected !== s[17]) return { kind: 'check', expected: expected ?? '?' };
  return { kind: 'ok' };
}
