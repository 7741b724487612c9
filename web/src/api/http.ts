/**
 * The one request helper every feature client goes through. It sends the session cookie,
 * the current UI language as `Accept-Language`, the CSRF token on writes, and turns the
 * server's `{ error: { code, message, fields } }` body into a thrown {@link ApiError}.
 */
import { i18n } from '@/locales';

export interface ApiFieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldError[];
  readonly requestId?: string;

  constructor(status: number, code: string, message: string, fields: ApiFieldError[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let unauthorizedHandler: ((e: ApiError) => void) | null = null;

/** Remembers the CSRF token from login or `/auth/me`; sent as `x-csrf-token` on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated request comes back 401 (e.g. the session expired). */
export function onUnauthorized(handler: (e: ApiError) => void): void {
  unauthorizedHandler = handler;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue;
      params.append(key, String(v));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function currentLocale(): string {
  const l = i18n.global.locale;
  return typeof l === 'string' ? l : l.value;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`/api${path}${buildQuery(opts.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.global.t('errors.network'));
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: ApiFieldError[]; requestId?: string } } | undefined)?.error;
    const apiError = new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? i18n.global.t('errors.http', { status: res.status }),
      err?.fields ?? [],
      err?.requestId,
    );
    if (res.status === 401 && !path.startsWith('/auth/')) unauthorizedHandler?.(apiError);
    throw apiError;
  }
  return data as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** The list envelope every registry endpoint returns. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Common list parameters; feature clients add their own filters. */
export interface ListParams {
  q?: string;
  page?: number;
  pageSize?: number;
  sort?: string;
}
