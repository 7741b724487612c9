import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration read once from the environment, validated, frozen. Every bad variable is listed
 * together so a deployer fixes them in one go instead of one restart per mistake.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SHANHAI_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')]))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  COOKIE_SECURE: z
    .enum(['true', 'false', 'auto'])
    .default('auto'),
  NODE_ENV: z.string().default('development'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SHANHAI_DICTIONARIES: z.string().optional(),
  SHANHAI_STOPWORDS: z.string().optional(),
  SHANHAI_SYNONYMS: z.string().optional(),
});

/** A comma-separated list of files, each of which must exist. */
function fileList(value: string | undefined, key: string, problems: string[]): string[] {
  const files = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of files) if (!fs.existsSync(f)) problems.push(`${key}: file not found: ${f}`);
  return files.map((f) => path.resolve(f));
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
  readonly sessionTtlMs: number;
  readonly loginRateLimit: number;
  readonly cookieSecure: boolean | 'auto';
  readonly production: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (never trust it otherwise). */
  readonly trustProxy: boolean;
  /** Deployer lexicons for the matching engine (jieba user dictionaries, stopwords, synonyms). */
  readonly lexicons: { dictionaries: string[]; stopwords: string[]; synonyms: string[] };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads the configuration from `env` (default `process.env`); throws ConfigError listing every bad key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const lexicons = {
    dictionaries: fileList(e.SHANHAI_DICTIONARIES, 'SHANHAI_DICTIONARIES', problems),
    stopwords: fileList(e.SHANHAI_STOPWORDS, 'SHANHAI_STOPWORDS', problems),
    synonyms: fileList(e.SHANHAI_SYNONYMS, 'SHANHAI_SYNONYMS', problems),
  };
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    lexicons,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.SHANHAI_DATA_DIR.startsWith('memory://') ? e.SHANHAI_DATA_DIR : path.resolve(e.SHANHAI_DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    production: e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY === 'true',
  });
}
