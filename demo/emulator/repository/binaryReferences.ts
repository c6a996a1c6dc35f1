import type { ReceivedBinary } from '../store/binaryStore.ts';
import type { RepositoryStore } from '../store/repositoryStore.ts';

/**
 * When a binary may be deleted. Binaries are shared (copies, identical uploads), so one is deleted
 * only when no row refers to it, no synthetic asset uses it (pinned), and no write in progress
 * holds it: between committing a binary and committing the row that refers to it, a concurrent
 * delete of another asset with the same bytes must not remove the file.
 */
export class BinaryReferences {
  readonly #store: RepositoryStore;
  readonly #forget: (file: string) => void;
  readonly #pinned = new Set<string>();
  /** Binaries committed for a row not yet committed, by how many writes hold them. */
  readonly #held = new Map<string, number>();
  readonly #deletedListeners: Array<(sha256: string) => void> = [];

  /** `forget` drops a deleted binary's file from the read cache. */
  constructor(store: RepositoryStore, forget: (file: string) => void) {
    this.#store = store;
    this.#forget = forget;
  }

  pin(sha256: string): void {
    this.#pinned.add(sha256);
  }

  onDeleted(listener: (sha256: string) => void): void {
    this.#deletedListeners.push(listener);
  }

  /**
   * Puts a received binary in place and holds it until `release()`, which also deletes it again
   * if the row was not committed after all.
   */
  async commit(received: ReceivedBinary): Promise<{ file: string; release: () => void }> {
    const hash = received.sha256;
    this.#held.set(hash, (this.#held.get(hash) ?? 0) + 1);
    let file: string;
    try {
      file = await this.#store.binaries.commit(received);
    } catch (error) {
      this.#unhold(hash);
      throw error;
    }
    let released = false;
    return {
      file,
      release: () => {
        if (released) return;
        released = true;
        this.#unhold(hash);
        this.release([hash]);
      },
    };
  }

  /** Deletes the binaries nothing refers to any more. */
  release(hashes: Iterable<string>): void {
    for (const hash of new Set(hashes)) {
      if (this.#pinned.has(hash) || this.#held.has(hash) || this.#store.isBinaryReferenced(hash)) continue;
      this.#forget(this.#store.binaries.pathOf(hash));
      for (const listener of this.#deletedListeners) listener(hash);
      void this.#store.binaries.remove(hash).catch((error: unknown) => process.emitWarning(`emulator: could not delete binary ${hash}: ${String(error)}`));
    }
  }

  #unhold(hash: string): void {
    const count = (this.#held.get(hash) ?? 1) - 1;
    if (count > 0) this.#held.set(hash, count);
    else this.#held.delete(hash);
  }
}
