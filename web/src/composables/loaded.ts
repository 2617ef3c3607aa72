import { onMounted, ref, type Ref } from 'vue';

/** Something a panel loads when it appears (and reloads after a change), with its load state for LoadState. */
export const useLoaded = <T>(fetch: () => Promise<T>, initial: T) => {
  const value = ref(initial) as Ref<T>;
  const state = ref<'loading' | 'ready' | 'error'>('loading');
  const error = ref<unknown>(null);
  const load = async () => {
    try {
      value.value = await fetch();
      state.value = 'ready';
    } catch (caught) {
      error.value = caught;
      state.value = 'error';
    }
  };
  onMounted(load);
  return { value, state, error, load };
};

/** A form's submission: busy while it runs, its failure kept to show (with field errors) until the next try. */
export const useSubmission = () => {
  const busy = ref(false);
  const error = ref<unknown>(null);
  const submit = async (work: () => Promise<unknown>) => {
    busy.value = true;
    error.value = null;
    try {
      await work();
    } catch (caught) {
      error.value = caught;
    } finally {
      busy.value = false;
    }
  };
  return { busy, error, submit };
};
