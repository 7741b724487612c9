import { ref, watch } from 'vue';
import type { DuplicateRef } from '@/api/common';
import { useFlashStore } from '@/stores/flash';

/** The duplicates the save that led to this record's page flagged (shown once). */
export function useFlashDuplicates(route: string, id: () => number | undefined) {
  const flash = useFlashStore();
  const items = ref<DuplicateRef[]>([]);
  watch(
    id,
    (v) => {
      if (v != null) items.value = flash.take(route, v);
    },
    { immediate: true },
  );
  return items;
}
