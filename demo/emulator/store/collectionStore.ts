import type { CollectionRow } from './rows.ts';
import type { RepositoryStore } from './repositoryStore.ts';

/** A collection's row and its members' ids in order (assets `urn:aaid:…`, collections `urn:cid:…`). */
export type StoredCollection = CollectionRow & { items: string[] };

/**
 * The collections' rows. Callers run a write inside `store.transaction` when it must commit
 * together with a check (the If-Match comparison), so no other request can interleave.
 */
export class CollectionStore {
  readonly #store: RepositoryStore;

  constructor(store: RepositoryStore) {
    this.#store = store;
  }

  all(): StoredCollection[] {
    const rows = this.#store.sql('SELECT * FROM collections ORDER BY created, id').all() as CollectionRow[];
    const members = this.#store.sql('SELECT item_id FROM collection_members WHERE collection_id = ? ORDER BY position');
    return rows.map((row) => ({ ...row, items: (members.all(row.id) as { item_id: string }[]).map((m) => m.item_id) }));
  }

  get(id: string): CollectionRow | undefined {
    return this.#store.sql('SELECT * FROM collections WHERE id = ?').get(id) as CollectionRow | undefined;
  }

  count(): number {
    return (this.#store.sql('SELECT count(*) AS n FROM collections').get() as { n: number }).n;
  }

  insert(row: CollectionRow, items: readonly string[]): void {
    this.#store.sql('INSERT INTO collections (id, title, description, created, modified, etag) VALUES (@id, @title, @description, @created, @modified, @etag)').run(row);
    this.add(row.id, items);
  }

  update(row: Pick<CollectionRow, 'id' | 'title' | 'description' | 'modified' | 'etag'>): void {
    this.#store.sql('UPDATE collections SET title = @title, description = @description, modified = @modified, etag = @etag WHERE id = @id').run(row);
  }

  touch(id: string, modified: string, etag: string): void {
    this.#store.sql('UPDATE collections SET modified = ?, etag = ? WHERE id = ?').run(modified, etag, id);
  }

  delete(id: string): void {
    this.#store.sql('DELETE FROM collections WHERE id = ?').run(id);
  }

  /** Appends the ids not already members, in order; returns how many were added. */
  add(id: string, items: readonly string[]): number {
    const last = this.#store.sql('SELECT coalesce(max(position), -1) AS p FROM collection_members WHERE collection_id = ?').get(id) as { p: number };
    const insert = this.#store.sql('INSERT INTO collection_members (collection_id, position, item_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    let position = last.p;
    let added = 0;
    for (const item of items) added += insert.run(id, ++position, item).changes;
    return added;
  }

  /** Returns how many of the ids were members. */
  remove(id: string, items: readonly string[]): number {
    const statement = this.#store.sql('DELETE FROM collection_members WHERE collection_id = ? AND item_id = ?');
    let removed = 0;
    for (const item of items) removed += statement.run(id, item).changes;
    return removed;
  }
}
