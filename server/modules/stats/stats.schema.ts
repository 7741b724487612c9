import { z } from 'zod';

export const overviewResponse = z.object({
  counts: z.object({
    organizations: z.number(),
    experts: z.number(),
    publications: z.number(),
    demands: z.number(),
    demandLists: z.number(),
    achievements: z.number(),
  }),
  demandsByStatus: z.array(z.object({ status: z.string(), count: z.number() })),
  demandsByKeyIndustry: z.array(z.object({ code: z.string(), name: z.string(), group: z.string(), count: z.number() })),
  expertsBySide: z.array(z.object({ side: z.string(), count: z.number() })),
  demandsByCity: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  recentDemands: z.array(z.object({ id: z.number(), title: z.string(), organizationName: z.string().nullable(), status: z.string(), createdAt: z.string() })),
});
