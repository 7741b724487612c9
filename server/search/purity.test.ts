import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The engine is a pure library: nothing under server/search may import the rest of server/
 * (database, modules, HTTP) or an I/O framework, so it stays importable and testable alone.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const FORBIDDEN_PACKAGES = /^(fastify|@fastify\/|pg$|@electric-sql\/|drizzle-orm|kysely|exceljs|pino)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

describe('server/search purity', () => {
  it('imports nothing from outside server/search but packages, and no I/O framework', () => {
    const offenders: string[] = [];
    for (const file of sources(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec.startsWith('.')) {
          const target = resolve(file, '..', spec);
          if (relative(ROOT, target).startsWith('..')) offenders.push(`${relative(ROOT, file)} → ${spec}`);
        } else if (FORBIDDEN_PACKAGES.test(spec)) {
          offenders.push(`${relative(ROOT, file)} → ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
