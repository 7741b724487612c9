import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import type { Page } from '@/api/http';
import { isApiError } from '@/api/http';

export interface ListQueryOptions<T> {
  /** Loads one page; gets every parameter as the URL has it (strings, page numbers as numbers). */
  fetch: (params: Record<string, string | number>, signal: AbortSignal) => Promise<Page<T>>;
  /** Filter names besides q, sort, page and pageSize. */
  filters: readonly string[];
  defaultSort?: string;
  /**
   * The server can order a search by relevance (`sort=relevance`, its default when `q` is given):
   * while a search is applied the default sort is then `relevance`, otherwise `defaultSort`.
   */
  relevance?: boolean;
  pageSize?: number;
}

function str(v: LocationQuery[string] | undefined): string {
  if (Array.isArray(v)) return v[0] ?? '';
  return v ?? '';
}

/**
 * State of a registry list page kept in the URL: search text, filters, sort and page survive a
 * reload and can be shared. The page edits `form`, then calls `apply()`; the URL changes and the
 * list reloads.
 */
export function useListQuery<T>(opts: ListQueryOptions<T>) {
  const route = useRoute();
  const router = useRouter();
  const routeName = route.name;
  const defaultPageSize = opts.pageSize ?? 20;

  const form = reactive<Record<string, string>>({ q: '', sort: opts.defaultSort ?? '' });
  /** The search text the loaded list was searched with (the URL's). */
  const appliedQ = ref('');
  const searching = computed(() => Boolean(appliedQ.value.trim()));

  function defaultSortFor(q: string): string {
    return opts.relevance && q.trim() ? 'relevance' : (opts.defaultSort ?? '');
  }
  for (const f of opts.filters) form[f] = '';
  const page = ref(1);
  const pageSize = ref(defaultPageSize);

  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref('');
  /** HTTP status of the last failure (400: the query itself was refused, e.g. only stopwords). */
  const errorStatus = ref(0);
  let controller: AbortController | null = null;

  const hasFilters = computed(() => Boolean(form.q) || opts.filters.some((f) => Boolean(form[f])));

  function readUrl(): void {
    const q = route.query;
    form.q = str(q.q);
    appliedQ.value = form.q;
    form.sort = str(q.sort) || defaultSortFor(form.q);
    for (const f of opts.filters) form[f] = str(q[f]);
    page.value = Math.max(1, Number(str(q.page)) || 1);
    pageSize.value = Number(str(q.pageSize)) || defaultPageSize;
  }

  function params(): Record<string, string | number> {
    const p: Record<string, string | number> = { page: page.value, pageSize: pageSize.value };
    if (form.q.trim()) p.q = form.q.trim();
    if (form.sort) p.sort = form.sort;
    for (const f of opts.filters) if (form[f]) p[f] = form[f];
    return p;
  }

  async function load(): Promise<void> {
    controller?.abort();
    const c = new AbortController();
    controller = c;
    loading.value = true;
    error.value = '';
    errorStatus.value = 0;
    try {
      const res = await opts.fetch(params(), c.signal);
      if (c.signal.aborted) return;
      items.value = res.items;
      total.value = res.total;
      loaded.value = true;
    } catch (e) {
      if (c.signal.aborted) return;
      items.value = [];
      total.value = 0;
      error.value = isApiError(e) ? e.message : String(e);
      errorStatus.value = isApiError(e) ? e.status : 0;
    } finally {
      if (controller === c) loading.value = false;
    }
  }

  function push(resetPage: boolean): void {
    const query: Record<string, string> = {};
    const p = params();
    for (const [k, v] of Object.entries(p)) query[k] = String(v);
    if (resetPage) delete query.page;
    if (query.page === '1') delete query.page;
    if (query.pageSize === String(defaultPageSize)) delete query.pageSize;
    if (query.sort === defaultSortFor(form.q)) delete query.sort;
    const same = JSON.stringify(query) === JSON.stringify(route.query);
    if (same) void load();
    else void router.push({ query });
  }

  /** Applies the edited search box and filters (back to page 1). */
  function apply(): void {
    if (opts.relevance) {
      // a sort left at its default follows the search (relevance while searching); a chosen one stays,
      // except relevance, which means nothing without a search
      if (form.sort === defaultSortFor(appliedQ.value)) form.sort = defaultSortFor(form.q);
      else if (form.sort === 'relevance' && !form.q.trim()) form.sort = opts.defaultSort ?? '';
    }
    push(true);
  }

  function reset(): void {
    form.q = '';
    form.sort = opts.defaultSort ?? '';
    for (const f of opts.filters) form[f] = '';
    push(true);
  }

  function setPage(p: number): void {
    page.value = p;
    push(false);
  }

  function setPageSize(s: number): void {
    pageSize.value = s;
    page.value = 1;
    push(false);
  }

  watch(
    () => route.query,
    () => {
      if (route.name !== routeName) return;
      readUrl();
      void load();
    },
    { immediate: true },
  );

  return { form, page, pageSize, items, total, loading, loaded, error, errorStatus, hasFilters, searching, apply, reset, setPage, setPageSize, reload: load };
}
