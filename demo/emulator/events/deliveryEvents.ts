import type { AssetRecord } from '../catalog/assetRecord.ts';
import type { AssetChange, Repository } from '../repository/repository.ts';
import { isDeliverable } from '../repository/storedAsset.ts';
import { deliveryEvent, type DeliveryEvent } from './deliveryEvent.ts';

/** setTimeout's ceiling (about 24.8 days); a later boundary is re-checked then. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Turns changes of delivery state into the spec's events. An asset is on the delivery tier while
 * it is approved and inside its on/off time (roles only decide who sees it). Each stored asset's
 * last announced state is kept (in memory and in its row), and an event is sent when the state
 * changes: on a write (approve, unapprove, delete, copy, a new binary for a delivered asset, which
 * is ready again) or when the clock crosses an on or off time (a timer armed for the next one).
 * At start, crossings that happened while the emulator was stopped are announced.
 */
export class DeliveryEvents {
  readonly #repository: Repository;
  readonly #emit: (event: DeliveryEvent) => void;
  readonly #now: () => number;
  readonly #announced = new Map<string, boolean>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(repository: Repository, emit: (event: DeliveryEvent) => void, now: () => number = Date.now) {
    this.#repository = repository;
    this.#emit = emit;
    this.#now = now;
    for (const row of repository.store.deliveryStates()) this.#announced.set(row.id, row.in_delivery === 1);
    repository.onChange((changes) => this.#onChanges(changes));
  }

  /** Announces what changed while stopped, then arms the timer. */
  start(): void {
    this.sweep();
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  /** Compares every stored asset's state now with the last announced one. */
  sweep(): void {
    if (this.#closed) return;
    const now = this.#now();
    for (const [id, was] of this.#announced) {
      const asset = this.#repository.byId.get(id);
      if (asset && isDeliverable(asset, now) !== was) this.#announce(asset, !was, now);
    }
    this.#schedule(now);
  }

  #onChanges(changes: readonly AssetChange[]): void {
    const now = this.#now();
    for (const { before, after } of changes) {
      const asset = after ?? before!;
      if (this.#repository.isSynthetic(asset.id)) continue;
      const was = this.#announced.get(before?.id ?? asset.id) ?? false;
      if (!after) {
        this.#announced.delete(asset.id);
        if (was) this.#emit(deliveryEvent('aem.assets.asset.removed_from_delivery', asset, new Date(now)));
        continue;
      }
      const ready = isDeliverable(after, now);
      if (ready !== was) this.#announce(after, ready, now);
      // A delivered asset with new bytes has new renditions: it is ready again.
      else if (ready && before && before.binaryHash !== after.binaryHash) this.#emit(deliveryEvent('aem.assets.asset.ready_for_delivery', after, new Date(now)));
      else this.#announced.set(after.id, ready);
    }
    this.#schedule(now);
  }

  #announce(asset: AssetRecord, ready: boolean, now: number): void {
    this.#announced.set(asset.id, ready);
    this.#repository.store.setInDelivery(asset.id, ready);
    this.#emit(deliveryEvent(ready ? 'aem.assets.asset.ready_for_delivery' : 'aem.assets.asset.removed_from_delivery', asset, new Date(now)));
  }

  /** Arms the timer for the next on or off time after `now`. */
  #schedule(now: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#closed) return;
    let next = Number.POSITIVE_INFINITY;
    for (const id of this.#announced.keys()) {
      const asset = this.#repository.byId.get(id);
      if (!asset || asset.status !== 'approved') continue;
      for (const time of [asset.onTime, asset.offTime]) {
        const at = time === undefined ? Number.NaN : Date.parse(time);
        if (at > now && at < next) next = at;
      }
    }
    if (next === Number.POSITIVE_INFINITY) return;
    this.#timer = setTimeout(() => this.sweep(), Math.min(MAX_TIMER, next - now + 5));
    this.#timer.unref();
  }
}
