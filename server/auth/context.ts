import type { Locale } from '../errors.js';
import { anonymous, type Actor } from './policy.js';

/** Who is asking, from where, in which language: passed from front doors (HTTP, CLI) to services. */
export interface RequestContext {
  actor: Actor;
  locale: Locale;
  ip?: string;
  requestId?: string;
}

/** The context of a command run on the server's own console: an administrator by construction. */
export function systemContext(locale: Locale = 'zh-CN'): RequestContext {
  return {
    actor: { userId: null, username: 'system', grants: [{ role: 'admin' }] },
    locale,
    requestId: 'cli',
  };
}

export function anonymousContext(locale: Locale = 'zh-CN'): RequestContext {
  return { actor: anonymous, locale };
}
