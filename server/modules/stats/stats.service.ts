import type { Database } from '../../db/client.js';
import type { RequestContext } from '../../auth/context.js';
import { authorize, seesDetails, visibility } from '../../auth/policy.js';
import * as repo from './stats.repo.js';

/** The deployment's home province (Ningxia); cities under it are charted on the home page. */
export const homeProvince = '64';

export async function overview(db: Database, ctx: RequestContext) {
  authorize(ctx.actor, 'stats:read');
  const o = await repo.overview(db, visibility(ctx.actor), homeProvince);
  return {
    ...o,
    recentDemands: o.recentDemands.map(({ confidentiality, ...d }) => ({
      ...d,
      organizationName: seesDetails(ctx.actor, { confidentiality, organizationId: null, regionCode: null }) ? d.organizationName : null,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}
