import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, isValidOrcid, isValidUscc, orcidCheckDigit, usccCheckDigit } from './codes.js';

describe('usccCheckDigit / isValidUscc', () => {
  it('computes the check character of the sample code printed in GB 32100-2015 material', () => {
    expect(usccCheckDigit('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('rejects a wrong check character, wrong length and characters outside the charset', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
    // I, O, S, V, Z are not in the charset even though they look like digits or letters in use.
    expect(isValidUscc('91350100M000100I43')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
    expect(usccCheckDigit('91350100M000100O4')).toBeNull();
    expect(usccCheckDigit('123')).toBeNull();
  });

  it('maps a weighted sum divisible by 31 to the check character 0', () => {
    // Seventeen zeros sum to 0, so 31 − 0 = 31, which the standard writes as 0.
    expect(usccCheckDigit('00000000000000000')).toBe('0');
    expect(isValidUscc('000000000000000000')).toBe(true);
  });

  it('catches every single-character substitution in a valid code', () => {
    const valid = '91640100MA76XKQ81A';
    const fixed = valid.slice(0, 17) + usccCheckDigit(valid.slice(0, 17));
    expect(isValidUscc(fixed)).toBe(true);
    for (let i = 0; i < 17; i++) {
      for (const ch of USCC_CHARSET) {
        if (ch === fixed[i]) continue;
        const mutated = fixed.slice(0, i) + ch + fixed.slice(i + 1);
        expect(isValidUscc(mutated)).toBe(false);
      }
    }
  });
});

describe('orcidCheckDigit / isValidOrcid', () => {
  it('accepts the examples from the ORCID documentation', () => {
    expect(orcidCheckDigit('000000021825009')).toBe('7');
    expect(isValidOrcid('0000-0002-1825-0097')).toBe(true);
    expect(isValidOrcid('0000-0001-5109-3700')).toBe(true);
    expect(isValidOrcid('0000-0002-1694-233X')).toBe(true);
    expect(isValidOrcid('https://orcid.org/0000-0002-1825-0097')).toBe(true);
  });

  it('rejects wrong check characters and malformed strings', () => {
    expect(isValidOrcid('0000-0002-1825-0098')).toBe(false);
    expect(isValidOrcid('0000-0002-1694-2339')).toBe(false);
    expect(isValidOrcid('0000000218250097')).toBe(false);
    expect(isValidOrcid('0000-0002-1825-009')).toBe(false);
    expect(isValidOrcid('')).toBe(false);
    expect(orcidCheckDigit('12345')).toBeNull();
  });
});
