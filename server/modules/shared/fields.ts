import { z } from 'zod';
import { isValidOrcid, isValidUscc } from '../../shared/codes.js';

/**
 * Field types shared by the registry forms and imports, each with a message that names what is
 * wrong (the HTTP layer prefixes the field path and translates zod's own messages).
 */
export const usccField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V） / USCC: 18 digits or capital letters')
  .refine(isValidUscc, '统一社会信用代码校验位不正确 / USCC check digit does not match (GB 32100-2015)');

/** Mainland mobile (1xxxxxxxxxx) or a landline with area code (0951-1234567). */
export const phoneField = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s()（）]/g, '').replace(/^\+?86-?/, ''))
  .pipe(z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, '电话格式不正确（手机 11 位或带区号的座机） / phone: an 11-digit mobile or a landline with area code'));

export const emailField = z.string().trim().toLowerCase().pipe(z.email('邮箱格式不正确 / not a valid e-mail address'));

export const orcidField = z
  .string()
  .trim()
  .refine(isValidOrcid, 'ORCID 格式或校验位不正确（形如 0000-0002-1825-0097） / ORCID: 0000-0002-1825-0097 with a valid check digit')
  .transform((s) => s.replace(/^https?:\/\/orcid\.org\//, ''));
