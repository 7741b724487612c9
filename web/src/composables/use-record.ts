import { ref, shallowRef, watch } from 'vue';
import { useRoute } from 'vue-router';
import { isApiError } from '@/api/http';
import { usePageStore } from '@/stores/page';

/** Loads the record named by the route's `:id`, and names the last breadcrumb after it. */
export function useRecord<T>(fetch: (id: string) => Promise<T>, titleOf: (r: T) => string) {
  const route = useRoute();
  const page = usePageStore();
  const record = shallowRef<T | null>(null);
  const loading = ref(true);
  const error = ref('');
  const notFound = ref(false);

  async function load(): Promise<void> {
    const id = String(route.params.id ?? '');
    loading.value = true;
    error.value = '';
    notFound.value = false;
    try {
      record.value = await fetch(id);
      page.setRecordTitle(titleOf(record.value));
    } catch (e) {
      record.value = null;
      notFound.value = isApiError(e) && e.status === 404;
      error.value = isApiError(e) ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  watch(() => route.params.id, (id) => id && void load(), { immediate: true });
  return { record, loading, error, notFound, reload: load };
}
