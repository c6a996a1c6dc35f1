import type { AssetRecord } from '../catalog/assetRecord.ts';
import { badRequest } from '../http/problem.ts';

/** What decides whether, when and for whom an asset is delivered. */
export interface Visibility {
  status: AssetRecord['status'];
  restrictedTo: string[];
  onTime?: string;
  offTime?: string;
}

export interface PropertyUpdate {
  assetMetadata: Record<string, unknown>;
  visibility: Visibility;
  /** Whether the update changes approval, on/off times or roles (which needs the approve role). */
  touchesDelivery: boolean;
}

const STATUSES = new Set(['approved', 'rejected', 'draft']);
/** The Assets HTTP API writes `jcr:` and shows it as `dc:` (and the reverse): one stored field each. */
const JCR_TO_DC: Record<string, string> = { 'jcr:title': 'dc:title', 'jcr:description': 'dc:description', 'jcr:language': 'dc:language' };
/** Computed from the binary or the path; a client cannot set them. */
const PROTECTED = new Set(['dc:format', 'tiff:ImageWidth', 'tiff:ImageLength', 'dam:size', 'pur:expirationDate']);
const KEY = /^[A-Za-z][\w-]{0,31}:[\w.-]{1,100}$/;
const MAX_PROPERTIES = 64;
const MAX_STRING = 4096;
const MAX_LIST = 100;
const MAX_METADATA_BYTES = 64 * 1024;

/** The visibility fields as the Assets HTTP API shows them among an asset's properties. */
export function visibilityProperties(v: Visibility): Record<string, unknown> {
  return { 'dam:assetStatus': v.status, 'dam:roles': v.restrictedTo, ...(v.onTime ? { onTime: v.onTime } : {}), ...(v.offTime ? { offTime: v.offTime } : {}) };
}

/**
 * Applies the `properties` of a PUT (or the fields of an upload form) to an asset's metadata:
 * `jcr:title`, `jcr:description` and `jcr:language` (or their `dc:` names) set the title,
 * description and language; `dam:assetStatus` (`approved`, `rejected`, `draft`), `onTime`,
 * `offTime` (ISO date-times) and `dam:roles` (role names) decide delivery; any other
 * `prefix:name` property is stored as given (a string, number, boolean or list of strings), and
 * `null` removes it. Repository fields (`repo:…`) and what the binary decides (`dc:format`,
 * pixel sizes) are refused. Every refusal is a 400 naming the property.
 */
export function applyProperties(
  current: { assetMetadata: Record<string, unknown>; visibility: Visibility },
  properties: Record<string, unknown>,
  parameterPrefix = 'properties.',
): PropertyUpdate {
  const entries = Object.entries(properties);
  if (entries.length > MAX_PROPERTIES) throw badRequest('properties', `at most ${MAX_PROPERTIES} properties at once, got ${entries.length}`);
  const assetMetadata = { ...current.assetMetadata };
  const visibility: Visibility = { ...current.visibility, restrictedTo: [...current.visibility.restrictedTo] };

  for (const [rawKey, value] of entries) {
    const parameter = `${parameterPrefix}${rawKey}`;
    const key = JCR_TO_DC[rawKey] ?? rawKey;
    if (key === 'dam:assetStatus') {
      if (typeof value !== 'string' || !STATUSES.has(value)) throw badRequest(parameter, `must be one of ${[...STATUSES].join(', ')}, got ${JSON.stringify(value)}`);
      visibility.status = value as Visibility['status'];
      assetMetadata['dam:assetStatus'] = value;
    } else if (key === 'onTime' || key === 'offTime') {
      if (value === null || value === '') delete visibility[key];
      else if (typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\dT/.test(value)) visibility[key] = new Date(value).toISOString();
      else throw badRequest(parameter, `must be an ISO 8601 date-time or null, got ${JSON.stringify(value)}`);
      if (key === 'offTime') {
        if (visibility.offTime) assetMetadata['pur:expirationDate'] = visibility.offTime;
        else delete assetMetadata['pur:expirationDate'];
      }
    } else if (key === 'dam:roles') {
      const roles = value === null ? [] : value;
      if (!Array.isArray(roles) || roles.length > MAX_LIST || !roles.every((r) => typeof r === 'string' && /^[\w.-]{1,64}$/.test(r))) {
        throw badRequest(parameter, 'must be a list of role names (letters, digits, "_", "-", "."), or null');
      }
      visibility.restrictedTo = [...new Set(roles as string[])];
    } else {
      if (!KEY.test(key)) throw badRequest(parameter, 'property names are "prefix:name" (for example "dc:title" or "xcm:keywords")');
      if (key.startsWith('repo:') || key.startsWith('jcr:') || PROTECTED.has(key)) {
        throw badRequest(parameter, 'is set by the repository (from the path or the binary) and cannot be written');
      }
      if (value === null) delete assetMetadata[key];
      else assetMetadata[key] = checkValue(value, parameter);
    }
  }
  if (Buffer.byteLength(JSON.stringify(assetMetadata)) > MAX_METADATA_BYTES) throw badRequest('properties', `the metadata would be larger than ${MAX_METADATA_BYTES / 1024} KiB`);
  // Sending the values an asset already has (a form that posts every field back) changes nothing.
  return { assetMetadata, visibility, touchesDelivery: visibilityKey(visibility) !== visibilityKey(current.visibility) };
}

function visibilityKey(v: Visibility): string {
  return JSON.stringify([v.status, [...v.restrictedTo].sort(), v.onTime ?? null, v.offTime ?? null]);
}

function checkValue(value: unknown, parameter: string): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (value.length > MAX_STRING) throw badRequest(parameter, `longer than ${MAX_STRING} characters`);
    return value;
  }
  if (Array.isArray(value) && value.length <= MAX_LIST && value.every((v) => typeof v === 'string' && v.length <= MAX_STRING)) return [...value];
  throw badRequest(parameter, `must be a string, a number, a boolean, a list of at most ${MAX_LIST} strings, or null`);
}
