import type { ZodApp } from '../../http/app.js';
import { idParams, pageOf } from '../shared/listing.js';
import { organizationDetail, organizationInput, organizationListQuery, organizationPatch, organizationSummary, organizationWriteResponse } from './organization.schema.js';
import * as write from './organization.write.js';
import * as service from './organization.service.js';

export function organizationRoutes(app: ZodApp) {
  app.get('/organizations', {
    schema: { tags: ['organizations'], summary: '单位列表 List organizations', querystring: organizationListQuery, response: { 200: pageOf(organizationSummary) } },
  }, (req) => service.listOrganizations(app.platform, req.ctx, req.query));

  app.get('/organizations/:id', {
    schema: { tags: ['organizations'], summary: '单位详情 An organization', params: idParams, response: { 200: organizationDetail } },
  }, (req) => service.getOrganization(app.platform.db, req.ctx, req.params.id));

  app.post('/organizations', {
    schema: { tags: ['organizations'], summary: '登记单位 Register an organization', body: organizationInput, response: { 201: organizationWriteResponse } },
  }, async (req, reply) => reply.status(201).send(await write.createOrganization(app.platform, req.ctx, req.body)));

  app.patch('/organizations/:id', {
    schema: { tags: ['organizations'], summary: '修改单位 Edit an organization', params: idParams, body: organizationPatch, response: { 200: organizationWriteResponse } },
  }, (req) => write.updateOrganization(app.platform, req.ctx, req.params.id, req.body));
}
