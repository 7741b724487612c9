import { z } from 'zod';
import { candidateKinds, contractTypes, declineReasons, matchStatuses } from '../../db/schema/matches.js';

export const proposeBody = z.object({
  candidates: z.array(z.object({ kind: z.enum(candidateKinds), id: z.number().int().positive() })).min(1).max(50),
});

export const stepBody = z.object({
  action: z.enum(['send', 'accept', 'decline', 'meet', 'agree', 'contract', 'close', 'stall', 'resume', 'withdraw']),
  notes: z.string().trim().max(5000).optional(),
  declineReason: z.enum(declineReasons).optional(),
  contract: z
    .object({
      type: z.enum(contractTypes),
      amount: z.number().positive().max(10_000_000),
      signedOn: z.iso.date(),
      registrationNo: z.string().trim().max(60).optional(),
      title: z.string().trim().max(300).optional(),
    })
    .optional(),
});

export const matchSchema = z.object({
  id: z.number(),
  demandId: z.number(),
  demandTitle: z.string(),
  candidateKind: z.enum(candidateKinds),
  candidateId: z.number(),
  candidateTitle: z.string().nullable(),
  status: z.enum(matchStatuses),
  score: z.number().nullable(),
  reasons: z.unknown(),
  declineReason: z.string().nullable(),
  declineNote: z.string().nullable(),
  createdAt: z.string(),
  statusChangedAt: z.string(),
  contract: z.object({ id: z.number(), type: z.string(), amount: z.number(), signedOn: z.string(), registrationNo: z.string().nullable(), title: z.string() }).passthrough().nullable(),
  events: z.array(z.object({ id: z.number(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), notes: z.string().nullable(), username: z.string().nullable(), at: z.string() }).passthrough()),
  /** The steps the viewer may take now. */
  actions: z.array(z.string()),
}).passthrough();

export const funnelQuery = z.object({
  group: z.enum(['none', 'region', 'keyIndustry', 'list', 'year', 'month']).default('none'),
  region: z.string().regex(/^\d{2,9}$/).optional(),
  keyIndustry: z.string().max(10).optional(),
  listId: z.coerce.number().int().positive().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const funnelRowSchema = z.object({
  group: z.string().nullable(),
  published: z.number(),
  matched: z.number(),
  accepted: z.number(),
  meeting: z.number(),
  contracted: z.number(),
  contractAmount: z.number(),
  daysToMatch: z.number().nullable(),
  daysToAccept: z.number().nullable(),
  daysToMeeting: z.number().nullable(),
  daysToContract: z.number().nullable(),
});
