/** A row of `folders`. */
export interface FolderRow {
  path: string;
  parent: string | null;
  name: string;
  title: string | null;
  created: string;
  modified: string;
}

/** A row of `assets`; JSON columns as text. */
export interface AssetRow {
  id: string;
  path: string;
  folder: string;
  name: string;
  binary: string;
  mime_type: string;
  size: number;
  width: number;
  height: number;
  has_alpha: number;
  status: string;
  restricted_to: string;
  on_time: string | null;
  off_time: string | null;
  repository_metadata: string;
  asset_metadata: string;
  etag: string;
  in_delivery: number;
}

export interface RenditionRow {
  asset_id: string;
  name: string;
  binary: string;
  mime_type: string;
  size: number;
  created: string;
}

export interface CommentRow {
  id: string;
  asset_id: string;
  message: string;
  annotation_data: string | null;
  author: string;
  created: string;
}

export interface CollectionRow {
  id: string;
  title: string;
  description: string;
  created: string;
  modified: string;
  etag: string;
}
