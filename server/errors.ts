/**
 * The one error catalogue. Every error the platform shows a person has a stable code, an HTTP
 * status and a message in zh-CN and en. Messages may use `{name}` placeholders filled from params.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, zh: '请求数据有误：{detail}', en: 'Invalid request: {detail}' },
  BAD_REQUEST: { status: 400, zh: '请求无法处理：{detail}', en: 'Bad request: {detail}' },
  EMPTY_QUERY: { status: 400, zh: '检索内容为空或只有停用词，请输入有意义的关键词', en: 'The query is empty or contains only stopwords; enter meaningful keywords' },
  QUERY_TOO_LONG: { status: 400, zh: '检索内容过长（最多 {max} 个字符）', en: 'The query is too long (at most {max} characters)' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is disabled; contact the administrator' },
  AUTH_WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  AUTH_WEAK_PASSWORD: { status: 400, zh: '新密码至少 8 位，且须同时包含字母和数字', en: 'The new password needs at least 8 characters with letters and digits' },
  CSRF_INVALID: { status: 403, zh: '页面已过期，请刷新后重试（CSRF 校验失败）', en: 'The page has expired; reload and try again (CSRF check failed)' },
  FORBIDDEN: { status: 403, zh: '您没有权限执行此操作：{action}', en: 'You are not allowed to do this: {action}' },
  NOT_FOUND: { status: 404, zh: '未找到{entity}（{id}）', en: '{entity} not found ({id})' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  CONFLICT: { status: 409, zh: '数据冲突：{detail}', en: 'Conflict: {detail}' },
  DUPLICATE: { status: 409, zh: '{entity}已存在：{detail}', en: '{entity} already exists: {detail}' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, zh: '尝试过于频繁，请 {retry} 后再试', en: 'Too many attempts; try again in {retry}' },
  DEMAND_BAD_TRANSITION: { status: 409, zh: '状态为“{status}”的需求不能执行“{action}”', en: 'A demand in status "{status}" cannot be {action}' },
  DEMAND_NOT_EDITABLE: { status: 409, zh: '需求已提交审核（{status}），不能再修改；如需修改请先撤回或等待退回', en: 'The demand is {status} and can no longer be edited; withdraw it or wait until it is returned' },
  MATCH_BAD_TRANSITION: { status: 409, zh: '状态为“{status}”的对接不能执行“{action}”', en: 'A match in status "{status}" cannot be {action}' },
  REASON_REQUIRED: { status: 400, zh: '请填写原因', en: 'A reason is required' },
  SPREADSHEET_UNREADABLE: { status: 400, zh: '无法读取表格：{detail}', en: 'The spreadsheet cannot be read: {detail}' },
  IMPORT_INVALID: { status: 422, zh: '导入文件有 {count} 处错误，未导入任何数据', en: 'The file has {count} problems; nothing was imported' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后重试（请求编号 {requestId}）', en: 'Internal server error; try again later (request {requestId})' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export type Locale = 'zh-CN' | 'en';

export interface FieldProblem {
  path: string;
  message: string;
}

/** An error with a catalogue code. Throw it anywhere; the HTTP layer and CLI present it. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldProblem[],
    readonly details?: unknown,
  ) {
    super(formatMessage(code, 'en', params));
    this.status = errorCatalogue[code].status;
  }
}

/** Fills a catalogue message for a locale. `formatMessage('NOT_FOUND','en',{entity:'Demand',id:3})` → 'Demand not found (3)'. */
export function formatMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const entry = errorCatalogue[code];
  const template = locale === 'en' ? entry.en : entry.zh;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : ''));
}

/** Picks zh-CN or en from an Accept-Language header; zh-CN is the default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Entity names used in NOT_FOUND / DUPLICATE messages, per locale. */
export const entityNames: Record<string, { zh: string; en: string }> = {
  demand: { zh: '技术需求', en: 'Demand' },
  demandList: { zh: '需求清单', en: 'Demand list' },
  expert: { zh: '专家', en: 'Expert' },
  expertPool: { zh: '专家库', en: 'Expert pool' },
  publication: { zh: '论文成果', en: 'Publication' },
  achievement: { zh: '科技成果', en: 'Achievement' },
  organization: { zh: '单位', en: 'Organization' },
  user: { zh: '用户', en: 'User' },
  region: { zh: '地区', en: 'Region' },
};
