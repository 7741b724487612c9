import { z } from 'zod';
import type { FieldProblem, Locale } from '../errors.js';

const zhMap = z.locales.zhCN().localeError;

interface IssueLike {
  code?: string;
  message: string;
  path?: PropertyKey[];
}

/** A zod issue's message in the user's language; a missing field reads "required" / "必填". */
export function issueMessage(issue: IssueLike, locale: Locale): string {
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  if (missing) return locale === 'en' ? 'required' : '必填';
  // Our own messages are written "中文 / English"; pick the reader's half.
  const bilingual = /^(.*[\u4e00-\u9fff].*?) \/ (.+)$/.exec(issue.message);
  if (bilingual) return locale === 'en' ? bilingual[2] : bilingual[1];
  if (locale === 'en') return issue.message;
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  const zh = zhMap(issue as never);
  return typeof zh === 'string' ? zh : (zh?.message ?? issue.message);
}

/** Field problems from zod issues, with dotted paths prefixed by where they came from (body, query…). */
export function fieldProblems(issues: IssueLike[], locale: Locale, prefix?: string): FieldProblem[] {
  return issues.map((i) => {
    const p = (i.path ?? []).map(String).join('.');
    return { path: [prefix, p].filter(Boolean).join('.') || '(root)', message: issueMessage(i, locale) };
  });
}
