import type { ZodApp } from '../../http/app.js';
import { idParams, pageOf } from '../shared/listing.js';
import { organizationDetail, organizationListQuery, organizationSummary } from './organization.schema.js';
import * as service from './organization.service.js';

export function organizationRoutes(app: ZodApp) {
  app.get('/organizations', {
    schema: { tags: ['organizations'], summary: '单位列表 List organizations', querystring: organizationListQuery, response: { 200: pageOf(organizationSummary) } },
  }, (req) => service.listOrganizations(app.platform, req.ctx, req.query));

  app.get('/organizations/:id', {
    schema: { tags: ['organizations'], summary: '单位详情 An organization', params: idParams, response: { 200: organizationDetail } },
  }, (req) => service.getOrganization(app.platform.db, req.ctx, req.params.id));
}
