import { defineStore } from 'pinia';
import { ref } from 'vue';

/** What the current page tells the layout: the record's name for the last breadcrumb. */
export const usePageStore = defineStore('page', () => {
  const recordTitle = ref<string | null>(null);
  function setRecordTitle(title: string | null): void {
    recordTitle.value = title;
  }
  function reset(): void {
    recordTitle.value = null;
  }
  return { recordTitle, setRecordTitle, reset };
});
