import { z } from 'zod';
import { roleNames } from '../db/schema/users.js';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(80),
  password: z.string().min(1).max(200),
});

export const passwordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  locale: z.string(),
  roles: z.array(
    z.object({
      role: z.enum(roleNames),
      regionCode: z.string().optional(),
      regionName: z.string().optional(),
      organizationId: z.number().optional(),
      organizationName: z.string().optional(),
      expertId: z.number().optional(),
      expertName: z.string().optional(),
    }),
  ),
});

export const sessionResponse = z.object({ user: meSchema, csrfToken: z.string() });

export const userCreateBody = z.object({
  username: z.string().trim().min(3).max(40),
  displayName: z.string().trim().min(1).max(80),
  password: z.string().min(8).max(200),
  email: z.email().optional(),
  roles: z
    .array(
      z.object({
        role: z.enum(roleNames),
        regionCode: z.string().regex(/^\d{2,9}$/).optional(),
        organizationId: z.number().int().positive().optional(),
        expertId: z.number().int().positive().optional(),
      }),
    )
    .min(1),
});

export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  userId: z.coerce.number().int().positive().optional(),
});

export const auditItem = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
