import { z } from 'zod';
import { asc, and, eq } from 'drizzle-orm';
import type { ZodApp } from '../../http/app.js';
import { disciplines, industries, keyIndustries, regions } from '../../db/schema/index.js';

/** Reference schemes are public and read-only here; they change through `shanhai import`. */
export function referenceRoutes(app: ZodApp) {
  const db = () => app.platform.db;
  const coded = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable(), level: z.union([z.string(), z.number()]) });

  app.get('/reference/regions', {
    schema: {
      tags: ['reference'],
      summary: '行政区划 Regions',
      querystring: z.object({ parentCode: z.string().regex(/^\d{2,9}$/).optional(), level: z.enum(['province', 'city', 'county', 'town']).optional() }),
      response: { 200: z.array(coded.extend({ shortName: z.string(), side: z.string() })) },
    },
  }, (req) => db().select().from(regions)
    .where(and(req.query.parentCode ? eq(regions.parentCode, req.query.parentCode) : undefined, req.query.level ? eq(regions.level, req.query.level) : undefined))
    .orderBy(asc(regions.code)));

  app.get('/reference/industries', {
    schema: { tags: ['reference'], summary: '国民经济行业分类 Industries (GB/T 4754)', querystring: z.object({ level: z.coerce.number().int().min(1).max(4).optional() }), response: { 200: z.array(coded) } },
  }, (req) => db().select().from(industries).where(req.query.level ? eq(industries.level, req.query.level) : undefined).orderBy(asc(industries.code)));

  app.get('/reference/disciplines', {
    schema: { tags: ['reference'], summary: '学科 Disciplines', response: { 200: z.array(coded) } },
  }, () => db().select().from(disciplines).orderBy(asc(disciplines.code)));

  app.get('/reference/key-industries', {
    schema: {
      tags: ['reference'],
      summary: '重点产业 Key industries',
      response: { 200: z.array(z.object({ code: z.string(), name: z.string(), group: z.string(), gbtCodes: z.array(z.string()), keywords: z.array(z.string()) })) },
    },
  }, () => db().select().from(keyIndustries).orderBy(asc(keyIndustries.code)));
}
