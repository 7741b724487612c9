import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { useListQuery, type ListQueryOptions } from './use-list-query';

/** A filter that narrows the list to one record (an organization, a demand list), shown as a closable tag. */
export interface ListScope<T> {
  key: string;
  /** The tag's text from the record's name (found in the rows, or `#id`). */
  text: (name: string) => string;
  nameOf: (items: T[]) => string | null | undefined;
}

export interface RegistryListOptions<T, S extends string> extends ListQueryOptions<T> {
  sorts: readonly S[];
  /** i18n key of each sort's label */
  sortLabels: Record<S, string>;
  /** route name of a record's page */
  detailRoute: string;
  scopes?: ListScope<T>[];
}

/**
 * Everything the registry list pages share: state in the URL (`useListQuery`), the sort options
 * (relevance only while searching), scope tags, opening a row, and the applied query for exports.
 */
export function useRegistryList<T extends { id: number }, S extends string>(opts: RegistryListOptions<T, S>) {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const list = useListQuery<T>(opts);

  const sortOptions = computed(() =>
    opts.sorts.filter((s) => s !== 'relevance' || list.searching.value).map((s) => ({ value: s, label: t(opts.sortLabels[s]) })),
  );

  const scopeTags = computed(() =>
    (opts.scopes ?? [])
      .filter((s) => list.form[s.key])
      .map((s) => ({ key: s.key, text: s.text(s.nameOf(list.items.value) ?? `#${list.form[s.key]}`) })),
  );

  function clearScope(key: string): void {
    list.form[key] = '';
    list.apply();
  }

  function open(row: T): void {
    void router.push({ name: opts.detailRoute, params: { id: row.id } });
  }

  /** The query the list shows (the URL's: search, filters, sort), without paging: what an export takes. */
  function appliedFilters(): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(route.query)) {
      if (k === 'page' || k === 'pageSize') continue;
      const value = Array.isArray(v) ? v[0] : v;
      if (value) out[k] = value;
    }
    return out;
  }

  return { ...list, sortOptions, scopeTags, clearScope, open, appliedFilters };
}

export type RegistryList<T extends { id: number } = { id: number }> = ReturnType<typeof useRegistryList<T, string>>;
