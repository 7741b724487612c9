import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { AppError, formatMessage, localeFromHeader, type ErrorCode, type FieldProblem } from '../errors.js';
import { csrfMatches, resolveSession, sessionCookieName, type SessionInfo } from '../auth/auth.service.js';
import type { RequestContext } from '../auth/context.js';
import { anonymous } from '../auth/policy.js';
import { fieldProblems } from './validation.js';
import type { Platform } from '../platform.js';
import { registerRoutes } from './routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    session: SessionInfo | null;
  }
  interface FastifyInstance {
    platform: Platform;
    /** Every API route as 'METHOD /api/path', for the permission-matrix test and docs. */
    apiRoutes: string[];
  }
}

export type App = FastifyInstance;
export type ZodApp = FastifyInstance<
  import('fastify').RawServerDefault,
  import('http').IncomingMessage,
  import('http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDistDir = path.join(rootDir, 'web', 'dist');

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes allowed without a CSRF token: logging in has no session yet; JSON-only bodies block cross-site forms. */
const csrfExempt = new Set(['/api/auth/login']);

function errorBody(code: ErrorCode, message: string, requestId: string, fields?: FieldProblem[], details?: unknown) {
  return { error: { code, message, ...(fields?.length ? { fields } : {}), ...(details !== undefined ? { details } : {}), requestId } };
}

export interface BuildOptions {
  platform: Platform;
  config: Config;
  logger?: boolean;
}

/** Builds the HTTP server (not listening). Tests call this and use `app.inject`. */
export async function buildApp({ platform, config, logger = true }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{6,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('platform', platform);
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
    for (const m of methods) if (m !== 'HEAD') apiRoutes.push(`${m} ${r.url}`);
  });
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('session', null);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  // Spreadsheets of 100,000 rows run to tens of megabytes; one file per request.
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Shanhai 山海 API', version: '0.1.0', description: '东西部科技合作平台 API — East–West S&T cooperation platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (req, reply) => {
    const locale = localeFromHeader(req.headers['accept-language']);
    const token = req.cookies[sessionCookieName];
    const session = token ? await resolveSession(platform.db, token) : null;
    req.session = session;
    req.ctx = { actor: session?.actor ?? anonymous, locale, ip: req.ip, requestId: String(req.id) };
    reply.header('x-request-id', req.id);
    if (!safeMethods.has(req.method) && req.url.startsWith('/api/') && session && !csrfExempt.has(req.url.split('?')[0])) {
      if (!csrfMatches(session.csrfToken, req.headers['x-csrf-token'] as string | undefined)) throw new AppError('CSRF_INVALID');
    }
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = req.ctx?.locale ?? localeFromHeader(req.headers['accept-language']);
    const requestId = String(req.id);
    if (err instanceof AppError) {
      const fields = err.fields?.map((f) => ({ ...f }));
      return reply.status(err.status).send(errorBody(err.code, formatMessage(err.code, locale, err.params), requestId, fields, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? '';
      // The type provider passes each zod issue as keyword (code), message and params (the rest).
      const issues = err.validation.map((v) => ({
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        message: v.message ?? 'invalid',
        path: v.instancePath.split('/').filter(Boolean),
      }));
      const fields = fieldProblems(issues, locale, where);
      const detail = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
      return reply.status(400).send(errorBody('VALIDATION_FAILED', formatMessage('VALIDATION_FAILED', locale, { detail }), requestId, fields));
    }
    if (err.statusCode === 429) {
      const retry = locale === 'en' ? 'a minute' : '1 分钟';
      return reply.status(429).send(errorBody('RATE_LIMITED', formatMessage('RATE_LIMITED', locale, { retry }), requestId));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', formatMessage('PAYLOAD_TOO_LARGE', locale), requestId));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', formatMessage('UNSUPPORTED_MEDIA_TYPE', locale), requestId));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, empty body with a JSON content type, bad URL encoding…
      const detail = err.message;
      return reply.status(400).send(errorBody('BAD_REQUEST', formatMessage('BAD_REQUEST', locale, { detail }), requestId));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', formatMessage('INTERNAL', locale, { requestId }), requestId));
  });

  await app.register(async (api) => registerRoutes(api as unknown as ZodApp, config), { prefix: '/api' });

  const hasWeb = fs.existsSync(path.join(webDistDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDistDir, prefix: '/', wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const urlPath = req.url.split('?')[0];
    if (urlPath.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      const locale = req.ctx?.locale ?? 'zh-CN';
      return reply
        .status(404)
        .send(errorBody('ROUTE_NOT_FOUND', formatMessage('ROUTE_NOT_FOUND', locale, { method: req.method, url: urlPath }), String(req.id)));
    }
    // Single-page app: every other GET is the shell; the router takes it from there.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}

export type { Database };
