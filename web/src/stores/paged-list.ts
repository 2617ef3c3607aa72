import { ref, type Ref } from 'vue';
import type { Page } from '../../../functions/core/schemas';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** A list loaded page by page with the API's opaque cursor, with its load state. */
export const usePagedList = <T>(fetchPage: (cursor?: string) => Promise<Page<T>>) => {
  const items = ref<T[]>([]) as Ref<T[]>;
  const nextCursor = ref<string | undefined>();
  const state = ref<LoadState>('idle');
  const error = ref<unknown>(null);
  const loadingMore = ref(false);

  const load = async () => {
    state.value = 'loading';
    error.value = null;
    try {
      const page = await fetchPage();
      items.value = page.items;
      nextCursor.value = page.nextCursor;
      state.value = 'ready';
    } catch (caught) {
      error.value = caught;
      state.value = 'error';
    }
  };

  const loadMore = async () => {
    if (!nextCursor.value || loadingMore.value) return;
    loadingMore.value = true;
    try {
      const page = await fetchPage(nextCursor.value);
      items.value = [...items.value, ...page.items];
      nextCursor.value = page.nextCursor;
    } finally {
      loadingMore.value = false;
    }
  };

  /** Puts a created or changed item in place, keeping the list in its order. */
  const upsert = (item: T, sameAs: (a: T, b: T) => boolean, compare: (a: T, b: T) => number) => {
    const index = items.value.findIndex((candidate) => sameAs(candidate, item));
    if (index >= 0) items.value.splice(index, 1, item);
    else items.value = [...items.value, item].sort(compare);
  };

  const reset = () => {
    items.value = [];
    nextCursor.value = undefined;
    state.value = 'idle';
    error.value = null;
  };

  return { items, nextCursor, state, error, loadingMore, load, loadMore, upsert, reset };
};
