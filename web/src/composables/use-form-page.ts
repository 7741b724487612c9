import { computed, onMounted, ref, shallowRef } from 'vue';
import { onBeforeRouteLeave, useRoute, useRouter } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import { isApiError } from '@/api/http';
import type { DuplicateRef } from '@/api/common';
import { useFlashStore } from '@/stores/flash';
import { scrollToFirstError, useServerErrors } from './use-server-errors';

export interface FormPageOptions<R> {
  /** Loads the record being edited (route `:id`); absent on a create page. */
  load: (id: string) => Promise<R>;
  /** Copies the loaded record into the form. */
  fill: (record: R) => void;
  /** Route names: the registry list and a record's page. */
  listRoute: string;
  detailRoute: string;
  /** Form items the server's field paths may point at; `aliases` maps other paths onto them. */
  known: readonly string[];
  aliases?: Record<string, string>;
  /** The form's state as a string, to warn before leaving with unsaved changes. */
  snapshot: () => string;
}

/** What a save returns: the record's id and the duplicates the server flagged. */
export interface Saved {
  id: number;
  duplicates: DuplicateRef[];
}

/**
 * The common life of a create/edit page: load the record (edit), save through the API, show the
 * server's field messages under the fields, then open the record's page with the duplicate
 * warning; a warning before leaving with unsaved changes.
 */
export function useFormPage<R>(opts: FormPageOptions<R>) {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const flash = useFlashStore();

  const id = computed(() => (route.params.id ? String(route.params.id) : ''));
  const editing = computed(() => Boolean(id.value));
  const record = shallowRef<R | null>(null);
  const loading = ref(Boolean(route.params.id));
  const loadError = ref('');
  const saving = ref(false);
  const errors = useServerErrors(opts.known, opts.aliases);
  let clean = '';
  let leaving = false;

  function markClean(): void {
    clean = opts.snapshot();
  }

  async function reload(): Promise<void> {
    if (!editing.value) {
      markClean();
      return;
    }
    loading.value = true;
    loadError.value = '';
    try {
      const r = await opts.load(id.value);
      record.value = r;
      opts.fill(r);
      markClean();
    } catch (e) {
      loadError.value = isApiError(e) ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }
  onMounted(() => void reload());

  /** Runs a save; on success opens the record's page, on failure shows the server's messages. */
  async function submit(run: () => Promise<Saved>): Promise<void> {
    if (saving.value) return;
    saving.value = true;
    errors.clear();
    try {
      const saved = await run();
      flash.set(opts.detailRoute, saved.id, saved.duplicates);
      ElMessage.success(editing.value ? t('forms.saved') : t('forms.created'));
      leaving = true;
      await router.push({ name: opts.detailRoute, params: { id: saved.id } });
    } catch (e) {
      errors.show(e);
      scrollToFirstError();
    } finally {
      saving.value = false;
    }
  }

  function cancel(): void {
    if (router.options.history.state.back) router.back();
    else if (editing.value) void router.push({ name: opts.detailRoute, params: { id: id.value } });
    else void router.push({ name: opts.listRoute });
  }

  onBeforeRouteLeave(async () => {
    if (leaving || loading.value || loadError.value || opts.snapshot() === clean) return true;
    try {
      await ElMessageBox.confirm(t('forms.unsavedLeave'), t('forms.leaveTitle'), {
        confirmButtonText: t('forms.leave'),
        cancelButtonText: t('forms.stay'),
        type: 'warning',
      });
      return true;
    } catch {
      return false;
    }
  });

  return { id, editing, record, loading, loadError, saving, errors, reload, submit, cancel, markClean };
}

/** '' → undefined (create: leave the field out). */
export function orUndefined<T>(v: T | '' | null | undefined): T | undefined {
  return v === '' || v === null || v === undefined ? undefined : v;
}

/** '' → null (edit: clear the field). */
export function orNull<T>(v: T | '' | null | undefined): T | null {
  return v === '' || v === undefined || v === null ? null : v;
}
