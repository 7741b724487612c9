import { createI18n } from 'vue-i18n';
import { zhCN, type MessageSchema } from './zh-CN';
import { en } from './en';

export const supportedLocales = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof supportedLocales)[number];

export const localeStorageKey = 'shanhai.locale';

export function isAppLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (supportedLocales as readonly string[]).includes(v);
}

/** zh-CN unless the user picked English before (remembered in localStorage). */
export function storedLocale(): AppLocale {
  try {
    const v = localStorage.getItem(localeStorageKey);
    if (isAppLocale(v)) return v;
  } catch {
    // storage unavailable (private mode): fall back to the default
  }
  return 'zh-CN';
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
});
