/** Display formats. Times are shown in China Standard Time whatever the browser's zone. */
export const displayTimeZone = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: displayTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of dateTimeFormat.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** `2024-05-01 14:03` in Asia/Shanghai. */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const p = parts(iso);
  if (!p) return iso;
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** `2024-05-01` in Asia/Shanghai; a bare date (`YYYY-MM-DD`) is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day}` : iso;
}

/** The hour of day in Asia/Shanghai (for the greeting). */
export function shanghaiHour(now = new Date()): number {
  return Number(parts(now.toISOString())?.hour ?? 12);
}

export function formatNumber(n: number | null | undefined, locale: string, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: digits }).format(n);
}

/**
 * An amount given in 万元 (ten thousand CNY), as people read it: `53 万元` in Chinese,
 * `CN¥530K` in English.
 */
export function formatWan(wan: number | null | undefined, locale: string): string {
  if (wan === null || wan === undefined || Number.isNaN(wan)) return '';
  if (locale === 'en') {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 2 }).format(wan * 10_000);
  }
  return `${formatNumber(wan, locale, 2)} 万元`;
}
