/**
 * Types of the DM OpenAPI search and delivery contract as the selector reads and writes it.
 * Framework-free: this file is part of `asset-selector/core`.
 */

/** A scalar a `term` node can match. */
export type TermValue = string | number | boolean;

/** Bounds of a `range` node: numbers, or ISO-8601 date-time strings. */
export interface RangeBounds {
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
}

/** One node of the composite query language. */
export type QueryNode =
  | { match: { text: string; fields?: string[] } }
  | { term: Record<string, TermValue[]> }
  | { range: Record<string, RangeBounds> }
  | { exists: { field: string } }
  | { and: QueryNode[] }
  | { or: QueryNode[] }
  | { not: QueryNode[] };

export interface FacetRequest {
  type: 'CATEGORY';
  id: string;
  field: string;
  size?: number;
}

export interface SearchRequest {
  /** 1–5 nodes, AND-ed. */
  query: QueryNode[];
  orderBy?: string;
  limit?: number;
  cursor?: string;
  facets?: FacetRequest[];
}

/** One search hit, exactly as the repository returns it. */
export interface AssetHit {
  assetId: string;
  repositoryMetadata: Record<string, unknown>;
  assetMetadata: Record<string, unknown>;
}

export interface FacetValue {
  value: string | number | boolean;
  count: number;
}

export interface FacetResult {
  id: string;
  type: string;
  values: FacetValue[];
}

export interface SearchResponse {
  hits: { results: AssetHit[] };
  search_metadata: { count: number; totalCount: { total: number; relation: 'eq' | 'gte' } };
  cursor?: string;
  facets?: FacetResult[];
}

/** `GET /adobe/assets/{id}/metadata`. */
export interface AssetMetadataResponse {
  assetId: string;
  repositoryMetadata: Record<string, unknown>;
  assetMetadata: Record<string, unknown>;
}

/** A smart crop; real repositories send only `name`, the emulator adds the rest. */
export interface SmartCrop {
  name: string;
  width?: number;
  height?: number;
  /** The crop box as fractions (0..1) of the original. */
  crop?: { x: number; y: number; width: number; height: number };
}

export interface SmartCropsResponse {
  assetId: string;
  'repo:name'?: string;
  items: SmartCrop[];
  cursor?: string;
}

export interface ImagePreset {
  name: string;
  description?: string;
  modifiers?: Record<string, string>;
}

export interface ImagePresetsResponse {
  items: ImagePreset[];
  cursor?: string;
}

export interface Rendition {
  name: string;
  format?: string;
  size?: number;
  width?: number;
  height?: number;
}

export interface RenditionsResponse {
  assetId: string;
  'repo:name'?: string;
  items: Rendition[];
}

/** RFC 9457 problem details, as the repository sends them on errors. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  parameter?: string;
}

export type AssetKind = 'image' | 'video' | 'document' | 'other';

/** A search hit made convenient: what the UI shows and what a selection is made from. */
export interface AssetSummary {
  assetId: string;
  /** `repo:name` */
  name: string;
  /** `dc:title`, else the name. */
  title: string;
  mimeType: string;
  kind: AssetKind;
  width?: number;
  height?: number;
  size?: number;
  createDate?: string;
  modifyDate?: string;
  description?: string;
  keywords: string[];
  repositoryMetadata: Record<string, unknown>;
  assetMetadata: Record<string, unknown>;
}

export type { ImageFormat } from './imageFormats.ts';

/** The payload the host receives for each chosen asset (DESIGN.md, public contract). */
export interface SelectedAsset {
  /** `urn:aaid:aem:…` */
  assetId: string;
  /** `repo:name` */
  name: string;
  /** `dc:title`, else name. */
  title: string;
  /** `dc:format` */
  mimeType: string;
  kind: AssetKind;
  /** Of the original. */
  width?: number;
  height?: number;
  /**
   * The URL to use. Image: `/adobe/assets/{id}/as/{seo}.{fmt}?{modifiers}`; video:
   * `/adobe/assets/{id}/play`; anything else: `/adobe/assets/{id}/original/as/{name}`.
   */
  url: string;
  /** The modifiers in `url`, exactly as encoded there (`{}` for none). */
  modifiers: Record<string, string>;
  /** Images: the same transform at a ladder of widths. */
  srcset?: string;
  originalUrl: string;
  repositoryMetadata: Record<string, unknown>;
  assetMetadata: Record<string, unknown>;
  /**
   * `true` when the asset is restricted (its metadata names roles in `dam:roles`): its `url`,
   * `srcset` and `originalUrl` answer only requests that carry the token of someone allowed to
   * see it (`Authorization: Bearer …`), so a plain `<img src>` shows nothing. The host fetches
   * them with the token (and shows an object URL), or proxies them. Absent for public assets.
   * The token itself is never part of the payload.
   */
  requiresAuthorization?: true;
  /** The collection it was picked from, when the selector showed one (the Collections view, or the `collection` option). */
  collectionId?: string;
}
