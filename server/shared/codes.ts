/**
 * Check-digit validators for the identifiers the platform stores: the unified social credit
 * code of an organization (统一社会信用代码, GB 32100-2015) and an expert's ORCID iD
 * (ISO 7064 MOD 11-2). Pure functions, no I/O, so they can run in the browser bundle too.
 */

/** The 31 characters a USCC may contain; I, O, Z, S, V are left out to avoid misreading. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Position weights of GB 32100-2015: 3^(i-1) mod 31 for positions 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The 18th character of a USCC, computed from the first 17.
 * Returns null when `first17` is not 17 characters of the USCC charset.
 *
 * @example usccCheckDigit('91350100M000100Y4') // '3'
 */
export function usccCheckDigit(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  // 31 − 0 would be 31, which is outside the charset; the standard maps it to 0.
  return USCC_CHARSET[check === 31 ? 0 : check];
}

/**
 * True when `s` is an 18-character USCC whose check character is right.
 * Upper case only: the code is printed in upper case on every licence, and accepting
 * lower case here would let two spellings of one organization into a unique column.
 *
 * @example isValidUscc('91350100M000100Y43') // true
 */
export function isValidUscc(s: string): boolean {
  if (typeof s !== 'string' || s.length !== 18) return false;
  const check = usccCheckDigit(s.slice(0, 17));
  return check !== null && check === s[17];
}

/**
 * The check character of an ORCID iD (ISO 7064 MOD 11-2) for its first 15 digits.
 * Returns null when the input is not 15 digits.
 *
 * @example orcidCheckDigit('000000021825009') // '7'
 */
export function orcidCheckDigit(first15: string): string | null {
  if (!/^\d{15}$/.test(first15)) return null;
  let total = 0;
  for (const ch of first15) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/**
 * True for a well-formed ORCID iD with a correct check character, written either as
 * `0000-0002-1825-0097` or as the URI `https://orcid.org/0000-0002-1825-0097`
 * (people paste both forms).
 *
 * @example isValidOrcid('0000-0002-1825-0097') // true
 */
export function isValidOrcid(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = /^(?:https?:\/\/orcid\.org\/)?(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$/.exec(s.trim());
  if (!m) return false;
  const digits = m[1] + m[2] + m[3] + m[4];
  return orcidCheckDigit(digits.slice(0, 15)) === digits[15];
}
