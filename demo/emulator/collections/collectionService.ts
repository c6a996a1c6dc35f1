import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CollectionRecord } from '../catalog/catalog.ts';
import { badRequest, notFound, ProblemError } from '../http/problem.ts';
import type { EmulatorLimits } from '../limits.ts';
import type { Repository } from '../repository/repository.ts';
import { CollectionStore } from '../store/collectionStore.ts';
import type { CollectionFields, ItemOperation, ItemRef } from './collectionRequests.ts';

const newEtag = () => randomUUID().replaceAll('-', '').slice(0, 20);

/**
 * `If-Match` on a collection write, which the spec lists as required: 428 without it, 412 when
 * the client's ETag is not the collection's current one (`*` matches any existing collection).
 * If-Match uses the strong comparison, so a weak tag never matches.
 */
export function checkIfMatch(req: IncomingMessage, collection: CollectionRecord): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    throw new ProblemError(428, 'If-Match: required; send the ETag from GET or HEAD /adobe/assets/collections/{collectionId}', 'If-Match');
  }
  if (header.trim() === '*') return;
  if (!header.split(',').some((tag) => tag.trim() === `"${collection.etag}"`)) {
    throw new ProblemError(412, `If-Match: the collection has changed (its ETag is now "${collection.etag}"); reload it and try again`, 'If-Match');
  }
}

/**
 * The writes on collections: each commits in one transaction, then the repository reloads its
 * collections. Members may be any stored asset (writers see every asset, as in the Assets HTTP
 * API) or another collection; what a reader sees of them is filtered when the items are listed.
 */
export class CollectionService {
  readonly #repository: Repository;
  readonly #store: CollectionStore;
  readonly #limits: EmulatorLimits;

  constructor(repository: Repository, limits: EmulatorLimits) {
    this.#repository = repository;
    this.#store = new CollectionStore(repository.store);
    this.#limits = limits;
  }

  find(id: string): CollectionRecord {
    const collection = this.#repository.collections.find((c) => c.id === id);
    if (!collection) throw notFound(`collectionId: no collection ${id}`, 'collectionId');
    return collection;
  }

  create(fields: Required<CollectionFields>, items: readonly ItemRef[]): CollectionRecord {
    if (this.#store.count() >= this.#limits.collections) {
      throw new ProblemError(409, `body: the repository holds its limit of ${this.#limits.collections} collections; delete one first`, 'body');
    }
    items.forEach((item, i) => this.#checkExists(item, `items[${i}]`));
    const id = `urn:cid:aem:${randomUUID()}`;
    const now = new Date().toISOString();
    this.#repository.store.transaction(() => {
      this.#store.insert({ id, title: fields.title, description: fields.description, created: now, modified: now, etag: newEtag() }, unique(items.map((i) => i.id)));
    });
    this.#repository.loadCollections();
    return this.find(id);
  }

  update(id: string, fields: CollectionFields): CollectionRecord {
    const current = this.find(id);
    this.#repository.store.transaction(() => {
      this.#store.update({ id, title: fields.title ?? current.title, description: fields.description ?? current.description, modified: new Date().toISOString(), etag: newEtag() });
    });
    this.#repository.loadCollections();
    return this.find(id);
  }

  delete(id: string): void {
    this.find(id);
    this.#repository.store.transaction(() => this.#store.delete(id));
    this.#repository.loadCollections();
  }

  /** Checks every operation first, so a request applies whole or not at all. */
  checkOperations(id: string, operations: readonly ItemOperation[]): void {
    operations.forEach((operation, i) => {
      if (operation.op !== 'add') return;
      if (operation.id === id) throw badRequest(`[${i}].id`, 'a collection cannot contain itself');
      this.#checkExists(operation, `[${i}]`);
    });
    const current = this.find(id).items;
    const after = new Set(current);
    for (const { op, id: item } of operations) op === 'add' ? after.add(item) : after.delete(item);
    if (after.size > this.#limits.collectionMaxItems) {
      throw badRequest('body', `a collection holds at most ${this.#limits.collectionMaxItems} items; this would make ${after.size}`);
    }
  }

  /** Applies add and remove operations in order; removing a non-member is a warning, not a failure. */
  applyOperations(id: string, operations: readonly ItemOperation[]): { collection: CollectionRecord; added: number; removed: number; warnings: Array<{ detail: string }> } {
    this.checkOperations(id, operations);
    let added = 0;
    let removed = 0;
    const warnings: Array<{ detail: string }> = [];
    this.#repository.store.transaction(() => {
      operations.forEach((operation, i) => {
        if (operation.op === 'add') {
          added += this.#store.add(id, [operation.id]);
        } else {
          const gone = this.#store.remove(id, [operation.id]);
          removed += gone;
          if (gone === 0) warnings.push({ detail: `[${i}].id: ${operation.id} was not in the collection` });
        }
      });
      if (added + removed > 0) this.#store.touch(id, new Date().toISOString(), newEtag());
    });
    this.#repository.loadCollections();
    return { collection: this.find(id), added, removed, warnings };
  }

  /** An add names something that must exist now; an unknown id is a 400 naming the item. */
  #checkExists(item: ItemRef, parameter: string): void {
    const exists = item.type === 'asset' ? this.#repository.byId.has(item.id) : this.#repository.collections.some((c) => c.id === item.id);
    if (!exists) throw badRequest(`${parameter}.id`, `no ${item.type} ${item.id}`);
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
