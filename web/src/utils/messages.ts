/**
 * Some server messages come in both languages at once ("无法识别的地区 / unknown region: 火星",
 * "unknown region / 无法识别的地区"). This keeps the half in the reader's language; any other
 * message is shown as it is.
 */
const cjk = /[\u3400-\u9fff]/;

export function localizeMessage(message: string, locale: string): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  const [a, b] = parts.map((p) => p.trim());
  const aZh = cjk.test(a.charAt(0));
  const bZh = cjk.test(b.charAt(0));
  if (aZh === bZh) return message;
  const zh = aZh ? a : b;
  const en = aZh ? b : a;
  return locale === 'en' ? en : zh;
}
