import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Language } from 'element-plus/es/locale';
import zhCnElement from 'element-plus/es/locale/lang/zh-cn.mjs';
import enElement from 'element-plus/es/locale/lang/en.mjs';
import { i18n, localeStorageKey, storedLocale, type AppLocale } from '@/locales';
import { englishName } from '@/locales/reference-names';

const elementLocales: Record<AppLocale, Language> = { 'zh-CN': zhCnElement, en: enElement };

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<AppLocale>(storedLocale());
  const elementLocale = computed(() => elementLocales[locale.value]);

  function apply(l: AppLocale): void {
    i18n.global.locale.value = l;
    document.documentElement.lang = l;
  }

  function setLocale(l: AppLocale): void {
    locale.value = l;
    apply(l);
    try {
      localStorage.setItem(localeStorageKey, l);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }

  /** A Chinese reference name (industry, region) in the current language. */
  function refName(zh: string | null | undefined): string {
    if (!zh) return '';
    return locale.value === 'en' ? englishName(zh) : zh;
  }

  apply(locale.value);
  return { locale, elementLocale, setLocale, refName };
});
