import { z } from 'zod';

export const engineKinds = ['demand', 'expert', 'achievement', 'organization'] as const;
export const candidateKinds = ['expert', 'achievement', 'organization'] as const;
const sides = ['east', 'central', 'west', 'northeast'] as const;

export const filtersSchema = z
  .object({
    region: z.union([z.string().regex(/^\d{2,9}$/), z.array(z.string().regex(/^\d{2,9}$/)).max(50)]).optional(),
    side: z.union([z.enum(sides), z.array(z.enum(sides))]).optional(),
    status: z.union([z.string().max(30), z.array(z.string().max(30)).max(20)]).optional(),
    industry: z.union([z.string().max(20), z.array(z.string().max(20)).max(50)]).optional(),
    discipline: z.union([z.string().max(20), z.array(z.string().max(20)).max(50)]).optional(),
  })
  .strict();

export const weightsSchema = z
  .object({
    text: z.number().min(0).max(100),
    discipline: z.number().min(0).max(100),
    industry: z.number().min(0).max(100),
    pairing: z.number().min(0).max(100),
    load: z.number().min(0).max(100),
    recency: z.number().min(0).max(100),
  })
  .partial()
  .strict();

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(2000),
  kind: z.enum(engineKinds),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  region: z.string().regex(/^\d{2,9}$/).optional(),
  side: z.enum(sides).optional(),
  industry: z.string().max(20).optional(),
  discipline: z.string().max(20).optional(),
});

export const matchBody = z.object({
  text: z.string().trim().min(1).max(20_000),
  kind: z.enum(engineKinds),
  limit: z.number().int().min(1).max(100).default(10),
  filters: filtersSchema.optional(),
  context: z
    .object({
      region: z.string().regex(/^\d{2,9}$/).optional(),
      industries: z.array(z.string().max(20)).max(20).optional(),
      disciplines: z.array(z.string().max(20)).max(20).optional(),
    })
    .strict()
    .optional(),
  weights: weightsSchema.optional(),
});

export const demandMatchesQuery = z.object({
  kind: z.enum(candidateKinds).default('expert'),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const demandsForQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });

export const suggestBody = z.object({ text: z.string().max(20_000), limit: z.number().int().min(1).max(30).default(8) });

/** A reason: which signal, what it is worth, and its evidence (terms, publications, codes…). */
export const reasonSchema = z.looseObject({ signal: z.string(), contribution: z.number() });

export const hitSchema = z.object({
  kind: z.enum(engineKinds),
  id: z.number(),
  ref: z.string().nullable(),
  title: z.string(),
  subtitle: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  score: z.number(),
  relevance: z.number(),
  reasons: z.array(reasonSchema),
  /** For a demand's recommendations: this candidate's match with the demand, if any (marked, not hidden). */
  matchStatus: z.string().nullable().optional(),
});

export const resultSchema = z.object({
  hits: z.array(hitSchema),
  unknownTerms: z.array(z.string()),
  terms: z.array(z.object({ term: z.string(), via: z.string().optional() })),
  weights: z.record(z.string(), z.number()),
  tookMs: z.number(),
});

export const suggestResponse = z.object({
  keywords: z.array(z.object({ word: z.string(), score: z.number() })),
  disciplines: z.array(z.object({ code: z.string(), name: z.string(), score: z.number() })),
  industries: z.array(z.object({ code: z.string(), name: z.string(), score: z.number() })),
});
