import { AppError } from '../../errors.js';
import type { ReferenceData } from '../../reference/reference.js';

/** Coded fields a form may carry; each present one must exist in its reference scheme. */
export interface CodedFields {
  industryCode?: string | null;
  keyIndustry?: string | null;
  disciplineCode?: string | null;
  regionCode?: string | null;
  disciplines?: readonly string[];
  keyIndustries?: readonly string[];
}

/**
 * Throws VALIDATION_FAILED naming every unknown code by its field (`disciplines.1`), so a form
 * can mark them all at once.
 *
 * @example checkReferenceCodes(ref, { disciplineCode: '9999' }) // throws: disciplineCode: unknown discipline 9999
 */
export function checkReferenceCodes(ref: ReferenceData, input: CodedFields): void {
  const fields: { path: string; message: string }[] = [];
  const check = (path: string, code: string | null | undefined, known: ReadonlyMap<string, unknown>, what: string) => {
    if (code && !known.has(code)) fields.push({ path, message: `unknown ${what} ${code}` });
  };
  check('industryCode', input.industryCode, ref.industries.byCode, 'industry');
  check('keyIndustry', input.keyIndustry, ref.keyIndustries.byCode, 'key industry');
  check('disciplineCode', input.disciplineCode, ref.disciplines.byCode, 'discipline');
  check('regionCode', input.regionCode, ref.regions.byCode, 'region');
  input.disciplines?.forEach((c, i) => check(`disciplines.${i}`, c, ref.disciplines.byCode, 'discipline'));
  input.keyIndustries?.forEach((c, i) => check(`keyIndustries.${i}`, c, ref.keyIndustries.byCode, 'key industry'));
  if (fields.length) throw new AppError('VALIDATION_FAILED', { detail: fields.map((f) => f.path).join(', ') }, fields);
}
