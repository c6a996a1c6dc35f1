import { randomUUID } from 'node:crypto';
import type { AssetRecord } from '../catalog/assetRecord.ts';

export type DeliveryEventType = 'aem.assets.asset.ready_for_delivery' | 'aem.assets.asset.removed_from_delivery';

/** The spec's "Asset delivery ready" / "Asset delivery disabled" webhook body: a CloudEvent 1.0. */
export interface DeliveryEvent {
  specversion: '1.0';
  type: DeliveryEventType;
  source: string;
  id: string;
  time: string;
  datacontenttype: 'application/json';
  data: {
    assetId: string;
    repositoryMetadata: Record<string, unknown>;
  };
}

/** The emulator's producer id, in the spec's `acct:aem-p<program>-e<environment>@adobe.com` form. */
export const EVENT_SOURCE = 'acct:aem-p1234-e5678@adobe.com';

export function deliveryEvent(type: DeliveryEventType, asset: AssetRecord, now: Date = new Date()): DeliveryEvent {
  const meta = asset.repositoryMetadata;
  return {
    specversion: '1.0',
    type,
    source: EVENT_SOURCE,
    id: randomUUID(),
    time: now.toISOString(),
    datacontenttype: 'application/json',
    data: {
      assetId: asset.id,
      repositoryMetadata: {
        'repo:assetId': asset.id,
        'repo:name': meta['repo:name'],
        'repo:path': meta['repo:path'],
        'dc:format': meta['dc:format'],
        'repo:size': meta['repo:size'],
        'repo:modifyDate': meta['repo:modifyDate'],
      },
    },
  };
}
