import { describe, expect, it } from 'vitest';
import { emailField, orcidField, phoneField, usccField } from './fields.js';
import { usccCheckDigit } from '../../shared/codes.js';

describe('registry field checks', () => {
  it('USCC: check digit per GB 32100-2015', () => {
    const body = '91640100MA76XYK12';
    const good = body + usccCheckDigit(body);
    expect(usccField.parse(good.toLowerCase())).toBe(good);
    const wrong = body + (usccCheckDigit(body) === '0' ? '1' : '0');
    expect(usccField.safeParse(wrong).error?.issues[0].message).toMatch(/校验位/);
    expect(usccField.safeParse('9164010').error?.issues[0].message).toMatch(/18 位/);
  });
  it('phones: mobiles and landlines with area codes, +86 and spaces tolerated', () => {
    expect(phoneField.parse('+86 139 9510 1234')).toBe('13995101234');
    expect(phoneField.parse('0951-5012345')).toBe('0951-5012345');
    expect(phoneField.safeParse('12345').success).toBe(false);
    expect(phoneField.safeParse('23995101234').success).toBe(false);
  });
  it('e-mail and ORCID', () => {
    expect(emailField.parse(' Wang@NXU.edu.cn ')).toBe('wang@nxu.edu.cn');
    expect(emailField.safeParse('wang@').success).toBe(false);
    expect(orcidField.parse('https://orcid.org/0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(orcidField.safeParse('0000-0002-1825-0098').success).toBe(false);
  });
});
