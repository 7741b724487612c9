import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { isApiError } from '@/api/http';
import { isFinished, jobsApi, type Job } from '@/api/jobs';

/**
 * Follows a background job (`GET /api/jobs/:id`) until it succeeds or fails: every half second
 * at first, then more slowly. Stops when the component goes away.
 */
export function useJob() {
  const job = shallowRef<Job | null>(null);
  const error = ref('');
  const errorStatus = ref(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let following = 0;
  let controller: AbortController | null = null;

  function stop(): void {
    following++;
    clearTimeout(timer);
    controller?.abort();
    controller = null;
  }

  /** Starts following job `id` (or shows `initial` at once); resolves with the finished job. */
  function follow(id: number, initial?: Job): Promise<Job | null> {
    stop();
    const mine = following;
    const started = Date.now();
    error.value = '';
    errorStatus.value = 0;
    job.value = initial ?? (job.value?.id === id ? job.value : null);
    return new Promise((resolve) => {
      const tick = async (): Promise<void> => {
        if (mine !== following) return resolve(null);
        const c = new AbortController();
        controller = c;
        try {
          const j = await jobsApi.get(id, c.signal);
          if (mine !== following) return resolve(null);
          job.value = j;
          if (isFinished(j)) return resolve(j);
        } catch (e) {
          if (mine !== following) return resolve(null);
          error.value = isApiError(e) ? e.message : String(e);
          errorStatus.value = isApiError(e) ? e.status : 0;
          // a job that is not there (or not ours) will not appear later
          if (isApiError(e) && (e.status === 404 || e.status === 403 || e.status === 401)) return resolve(null);
        }
        const elapsed = Date.now() - started;
        timer = setTimeout(() => void tick(), elapsed < 10_000 ? 500 : elapsed < 60_000 ? 1000 : 2000);
      };
      void tick();
    });
  }

  function reset(): void {
    stop();
    job.value = null;
    error.value = '';
    errorStatus.value = 0;
  }

  onBeforeUnmount(stop);
  return { job, error, errorStatus, follow, stop, reset };
}
