import type { Database } from 'better-sqlite3';

/**
 * One step of the store's schema. Steps run in `version` order, each in its own transaction
 * together with the `user_version` it sets, so a crash leaves the store at one version or the next.
 * To add tables, append a step with the next version to a list passed
 * to `openDatabase`: never edit a step that has shipped, since stores on disk already ran it.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

export const CORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'folders, assets, renditions, comments, collections',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

        -- Paths are DAM paths ('/content/dam/uploads'); the root '/content/dam' has no parent.
        CREATE TABLE folders (
          path TEXT PRIMARY KEY,
          parent TEXT,
          name TEXT NOT NULL,
          title TEXT,
          created TEXT NOT NULL,
          modified TEXT NOT NULL
        ) STRICT;
        CREATE INDEX folders_by_parent ON folders (parent);

        -- repository_metadata and asset_metadata are exactly what search and metadata return.
        -- binary is the sha256 of the original, the name of its file in the binary store.
        CREATE TABLE assets (
          id TEXT PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          folder TEXT NOT NULL,
          name TEXT NOT NULL,
          binary TEXT NOT NULL,
          mime_type TEXT NOT NULL,
          size INTEGER NOT NULL,
          width INTEGER NOT NULL,
          height INTEGER NOT NULL,
          has_alpha INTEGER NOT NULL,
          status TEXT NOT NULL,
          restricted_to TEXT NOT NULL,
          on_time TEXT,
          off_time TEXT,
          repository_metadata TEXT NOT NULL,
          asset_metadata TEXT NOT NULL,
          etag TEXT NOT NULL,
          -- The delivery state last announced to webhooks, so crossings while stopped are announced at start.
          in_delivery INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX assets_by_folder ON assets (folder);
        CREATE INDEX assets_by_binary ON assets (binary);

        CREATE TABLE renditions (
          asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          binary TEXT NOT NULL,
          mime_type TEXT NOT NULL,
          size INTEGER NOT NULL,
          created TEXT NOT NULL,
          PRIMARY KEY (asset_id, name)
        ) STRICT;
        CREATE INDEX renditions_by_binary ON renditions (binary);

        CREATE TABLE comments (
          id TEXT PRIMARY KEY,
          asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
          message TEXT NOT NULL,
          annotation_data TEXT,
          author TEXT NOT NULL,
          created TEXT NOT NULL
        ) STRICT;
        CREATE INDEX comments_by_asset ON comments (asset_id, created);

        CREATE TABLE collections (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          description TEXT NOT NULL,
          created TEXT NOT NULL,
          modified TEXT NOT NULL,
          etag TEXT NOT NULL
        ) STRICT;
        CREATE TABLE collection_items (
          collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
          PRIMARY KEY (collection_id, position)
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    description: 'writable collections: members are assets or collections',
    up(db) {
      // collection_items could only hold assets (a foreign key to assets); the spec lets a
      // collection hold collections too. Members keep their order by position; triggers take a
      // deleted asset or collection out of every collection that held it.
      db.exec(`
        CREATE TABLE collection_members (
          collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          item_id TEXT NOT NULL,
          PRIMARY KEY (collection_id, position),
          UNIQUE (collection_id, item_id)
        ) STRICT;
        CREATE INDEX collection_members_by_item ON collection_members (item_id);
        INSERT INTO collection_members (collection_id, position, item_id) SELECT collection_id, position, asset_id FROM collection_items;
        DROP TABLE collection_items;
        CREATE TRIGGER asset_leaves_collections AFTER DELETE ON assets BEGIN
          DELETE FROM collection_members WHERE item_id = old.id;
        END;
        CREATE TRIGGER collection_leaves_collections AFTER DELETE ON collections BEGIN
          DELETE FROM collection_members WHERE item_id = old.id;
        END;
      `);
    },
  },
];

/** Runs the steps the store has not run yet. Refuses a store written by newer code. */
export function migrate(db: Database, migrations: readonly Migration[]): void {
  const versions = migrations.map((m) => m.version);
  if (versions.some((v, i) => !Number.isInteger(v) || v < 1 || (i > 0 && v <= versions[i - 1]!))) {
    throw new Error(`migrations must have increasing integer versions from 1, got ${versions.join(', ')}`);
  }
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = versions.at(-1) ?? 0;
  if (current > latest) throw new Error(`the store's schema is version ${current}, newer than this emulator knows (${latest}); use --reset or another --data`);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
