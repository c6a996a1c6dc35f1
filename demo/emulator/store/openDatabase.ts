import Database from 'better-sqlite3';
import { CORE_MIGRATIONS, migrate, type Migration } from './migrations.ts';

/**
 * Opens (or creates) the store's SQLite database: write-ahead logging, so readers never wait for
 * a writer and a crash mid-commit rolls back cleanly; `synchronous = FULL` in durable stores, so a
 * committed transaction survives a power cut too; foreign keys on; then the migrations.
 */
export function openDatabase(file: string, { durable = true, migrations = CORE_MIGRATIONS }: { durable?: boolean; migrations?: readonly Migration[] } = {}) {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durable ? 'FULL' : 'OFF'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
