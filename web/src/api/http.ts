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
  /** Extra data some errors carry (an import's problem list). */
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, fields: ApiFieldError[] = [], requestId?: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export interface RequestOptions {
  query?: Query;
  /** JSON-encoded, except FormData (multipart uploads), which is sent as is. */
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
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
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
  if (!res.ok) throw failure(res.status, data, path);
  return data as T;
}

/** The `{ error }` body of a failed response as an {@link ApiError} (and the 401 hook called). */
function failure(status: number, data: unknown, path: string): ApiError {
  const err = (data as { error?: { code?: string; message?: string; fields?: ApiFieldError[]; requestId?: string; details?: unknown } } | undefined)?.error;
  const apiError = new ApiError(
    status,
    err?.code ?? `HTTP_${status}`,
    err?.message ?? i18n.global.t('errors.http', { status }),
    err?.fields ?? [],
    err?.requestId,
    err?.details,
  );
  if (status === 401 && !path.startsWith('/auth/')) unauthorizedHandler?.(apiError);
  return apiError;
}

/** The file name a `content-disposition` header gives (RFC 5987 `filename*` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Fetches a file (a template, a job's output) and hands it to the browser as a download. A
 * failure comes back as the server's {@link ApiError} instead of a page of JSON.
 */
async function download(path: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { headers: { 'Accept-Language': currentLocale() }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.global.t('errors.network'));
  }
  if (!res.ok) {
    const text = await res.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    throw failure(res.status, data, path);
  }
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A multipart upload (`FormData`), e.g. an import file. */
  upload: <T>(path: string, form: FormData, query?: Query) => request<T>('POST', path, { body: form, query }),
  /** Saves the file at `path` through the browser; resolves to the file name. */
  download,
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
