import { createUploadQueue, type UploadQueue } from '../../core/uploadQueue.ts';
import type { SelectorStore } from '../../store/createSelectorStore.ts';
import { createTaskLimit } from '../editorHost.ts';

const queues = new WeakMap<SelectorStore, UploadQueue>();
/** How many files upload at once: enough to overlap the repository's checks of one with the bytes of the next. */
const CONCURRENCY = 2;

/**
 * The upload queue of one selector, made on first use and kept with its store: uploads go on while
 * the selector is closed or the editor is open, and the queue shows them when it is back. Each step
 * reads the options as they are then (the token function is asked for every request).
 */
export function uploadQueueFor(store: SelectorStore): UploadQueue {
  let queue = queues.get(store);
  if (!queue) {
    queue = createUploadQueue(() => {
      const { repository, upload, token } = store.getState().options;
      return { repository, folder: upload?.folder ?? '/content/dam', approve: upload?.approve === true, token };
    }, createTaskLimit(CONCURRENCY));
    queues.set(store, queue);
  }
  return queue;
}
