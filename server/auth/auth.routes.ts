import type { ZodApp } from '../http/app.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { listAudit } from './audit.js';
import * as service from './auth.service.js';
import { auditItem, auditQuery, loginBody, passwordBody, sessionResponse, userCreateBody } from './auth.schema.js';
import { authorize } from './policy.js';
import { jsonDates, pageOf } from '../modules/shared/listing.js';

export function authRoutes(app: ZodApp, config: Config) {
  app.post('/auth/login', {
    schema: { tags: ['auth'], summary: '登录 Sign in', body: loginBody, response: { 200: sessionResponse } },
    config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { token, session } = await service.login(app.platform.db, {
      ...req.body,
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      ttlMs: config.sessionTtlMs,
    });
    reply.setCookie(service.sessionCookieName, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure,
      maxAge: Math.floor(config.sessionTtlMs / 1000),
    });
    return { user: session.me, csrfToken: session.csrfToken };
  });

  app.get('/auth/me', {
    schema: { tags: ['auth'], summary: '当前用户 The signed-in user', response: { 200: sessionResponse } },
  }, async (req) => {
    if (!req.session) throw new AppError('AUTH_REQUIRED');
    return { user: req.session.me, csrfToken: req.session.csrfToken };
  });

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出 Sign out' } }, async (req, reply) => {
    if (req.session) await service.logout(app.platform.db, req.ctx, req.session.tokenHash);
    reply.clearCookie(service.sessionCookieName, { path: '/' });
    return reply.status(204).send();
  });

  app.post('/auth/password', {
    schema: { tags: ['auth'], summary: '修改密码 Change password', body: passwordBody },
  }, async (req, reply) => {
    if (!req.session) throw new AppError('AUTH_REQUIRED');
    await service.changePassword(app.platform.db, req.ctx, { ...req.body, keepTokenHash: req.session.tokenHash });
    return reply.status(204).send();
  });

  app.post('/users', {
    schema: { tags: ['users'], summary: '创建用户 Create a user (admin)', body: userCreateBody, response: { 201: sessionResponse.shape.user } },
  }, async (req, reply) => {
    authorize(req.ctx.actor, 'user:manage');
    const me = await service.createUser(app.platform.db, req.ctx, req.body);
    return reply.status(201).send(me);
  });

  app.get('/audit', {
    schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: auditQuery, response: { 200: pageOf(auditItem) } },
  }, async (req) => {
    authorize(req.ctx.actor, 'audit:read');
    return jsonDates(await listAudit(app.platform.db, req.query));
  });
}
