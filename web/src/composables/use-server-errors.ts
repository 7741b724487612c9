import { computed, reactive, ref } from 'vue';
import { isApiError } from '@/api/http';
import { useLocaleStore } from '@/stores/locale';
import { localizeMessage } from '@/utils/messages';

/**
 * The server is the judge of a form: its `{ error: { fields: [{ path, message }] } }` is shown
 * under the right form items. Body paths (`body.title`, `body.publications.0.title`) and
 * service-level paths (`disciplineCode`) are both accepted; `aliases` maps a server path onto the
 * form item that edits it (e.g. `regionCode` → `region`). A message with no known field is
 * shown above the form.
 */
export function useServerErrors(known: readonly string[], aliases: Record<string, string> = {}) {
  const localeStore = useLocaleStore();
  const fields = reactive<Record<string, string>>({});
  /** The error's headline (or a whole-form message such as DEMAND_NOT_EDITABLE). */
  const message = ref('');
  const code = ref('');
  const count = computed(() => Object.keys(fields).length);

  function clear(path?: string): void {
    if (path) {
      delete fields[path];
      return;
    }
    for (const k of Object.keys(fields)) delete fields[k];
    message.value = '';
    code.value = '';
  }

  /** Where a server path goes: the longest known prefix (`publications.0.title` before `publications`). */
  function target(path: string): string | null {
    const p = path.replace(/^body\./, '');
    if (aliases[p]) return aliases[p];
    const parts = p.split('.');
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (aliases[candidate]) return aliases[candidate];
      if (known.includes(candidate) || known.some((k) => k.includes('*') && matchesWildcard(k, candidate))) return candidate;
    }
    return null;
  }

  /** Takes a failed save; returns true when it was an API error (shown), false otherwise. */
  function show(e: unknown): boolean {
    clear();
    if (!isApiError(e)) {
      message.value = e instanceof Error ? e.message : String(e);
      return false;
    }
    code.value = e.code;
    const loose: string[] = [];
    for (const f of e.fields) {
      const text = localizeMessage(f.message, localeStore.locale);
      const at = target(f.path);
      if (at) fields[at] = fields[at] ? `${fields[at]}；${text}` : text;
      else loose.push(`${f.path.replace(/^body\./, '')}: ${text}`);
    }
    message.value = e.fields.length && !loose.length ? '' : localizeMessage(e.message, localeStore.locale);
    if (loose.length && e.code === 'VALIDATION_FAILED') message.value = loose.join('；');
    return true;
  }

  /** The message under a form item ('' when none), for `<el-form-item :error>`. */
  function of(path: string): string {
    return fields[path] ?? '';
  }

  return { fields, message, code, count, clear, show, of };
}

function matchesWildcard(pattern: string, path: string): boolean {
  const a = pattern.split('.');
  const b = path.split('.');
  return a.length === b.length && a.every((x, i) => x === '*' || x === b[i]);
}

/** Scrolls the first form item marked in error into view (after the DOM has updated). */
export function scrollToFirstError(): void {
  requestAnimationFrame(() => {
    document.querySelector('.el-form-item.is-error, [data-error=true]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  });
}
