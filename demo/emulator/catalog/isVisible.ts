import type { Caller } from '../auth/caller.ts';
import type { AssetRecord } from './assetRecord.ts';

/**
 * Whether an asset exists for this caller at this instant. Everything the emulator serves goes
 * through here: an asset that is not approved, outside its on/off time, or restricted to a role
 * the caller lacks is indistinguishable from one that was never there.
 */
export function isVisible(asset: AssetRecord, caller: Caller, now: number = Date.now()): boolean {
  if (asset.status !== 'approved') return false;
  if (asset.onTime !== undefined && Date.parse(asset.onTime) > now) return false;
  if (asset.offTime !== undefined && Date.parse(asset.offTime) <= now) return false;
  if (asset.restrictedTo.length > 0 && !asset.restrictedTo.some((role) => caller.roles.has(role))) return false;
  return true;
}
