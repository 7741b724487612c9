import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DuplicateRef } from '@/api/common';

/** What a save leaves for the record page it leads to: the duplicates the server flagged. */
interface Flash {
  route: string;
  id: number;
  duplicates: DuplicateRef[];
}

export const useFlashStore = defineStore('flash', () => {
  const current = ref<Flash | null>(null);

  function set(route: string, id: number, duplicates: DuplicateRef[]): void {
    current.value = duplicates.length ? { route, id, duplicates } : null;
  }

  /** The duplicates left for this record (once: a later visit shows none). */
  function take(route: string, id: number): DuplicateRef[] {
    const f = current.value;
    if (!f || f.route !== route || f.id !== id) return [];
    current.value = null;
    return f.duplicates;
  }

  return { set, take };
});
