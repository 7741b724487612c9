import { describe, expect, it } from 'vitest';
import { issueMessage } from './validation.js';

describe('field messages in the reader language', () => {
  it('picks the half of our own bilingual messages', () => {
    const issue = { code: 'custom', message: '统一社会信用代码校验位不正确 / USCC check digit does not match (GB 32100-2015)' };
    expect(issueMessage(issue, 'zh-CN')).toBe('统一社会信用代码校验位不正确');
    expect(issueMessage(issue, 'en')).toBe('USCC check digit does not match (GB 32100-2015)');
  });
  it("translates zod's own messages and says required for a missing field", () => {
    expect(issueMessage({ code: 'invalid_type', message: 'Invalid input: expected string, received undefined' }, 'zh-CN')).toBe('必填');
    expect(issueMessage({ code: 'invalid_type', message: 'Invalid input: expected string, received undefined' }, 'en')).toBe('required');
    expect(issueMessage({ code: 'too_small', message: 'Too small: expected string to have >=4 characters', origin: 'string', minimum: 4 } as never, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
  });
});
