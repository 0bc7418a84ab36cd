// The embedded default: SQLite (libsql) as the durable truth, the shared MemoryIndex for reads.
// The file holds only current objects and the revision counter; everything is loaded at open and
// lists/watches never touch SQL. A write is acknowledged after its transaction commits with
// synchronous=FULL in WAL mode, so it survives kill -9 (and power loss, as far as fsync holds).
// Event history is not persisted: after a restart watches start at the current revision and older
// resourceVersions get Compacted (410), as after a kube-apiserver watch-cache restart.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Libsql from 'libsql';
import { decode } from './change.ts';
import type { Change } from './change.ts';
import { createIndexedStorage } from './indexed-storage.ts';
import type { Backend } from './indexed-storage.ts';
import { MemoryIndex } from './memory-index.ts';
import type { StorageOptions } from './memory-index.ts';
import type { Storage, StoredItem } from './storage.ts';

type Database = Libsql.Database;

export interface SqliteStorageOptions extends StorageOptions {
  /** Commit the writes issued in one event-loop turn together, one fsync for all (default true). */
  groupCommit?: boolean;
}

/** The file cannot be used; the message says why. The stored data was not changed. */
export class StorageOpenError extends Error {
  constructor(
    readonly path: string,
    reason: string,
    options?: { cause: unknown },
  ) {
    super(`cannot open storage ${path}: ${reason}`, options);
  }
}

/** 'ktl1' in the SQLite header, so we refuse to adopt some other application's database. */
const APPLICATION_ID = 0x6b746c31;
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE objects (
    key TEXT PRIMARY KEY NOT NULL,
    revision INTEGER NOT NULL,  -- = metadata.resourceVersion, which the stored value omits
    value TEXT NOT NULL
  );
  CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO meta (name, value) VALUES ('revision', 0);
  PRAGMA application_id = ${APPLICATION_ID};
  PRAGMA user_version = ${SCHEMA_VERSION};
`;

export async function openSqliteStorage(path: string, options: SqliteStorageOptions = {}): Promise<Storage> {
  const { default: Database } = await import('libsql');  // native module: load only when used
  mkdirSync(dirname(path), { recursive: true });
  let db: Database | undefined;
  let ours = false;
  try {
    db = new Database(path);
    // Exclusive before WAL: no shared-memory file, and a second server on the same file fails at
    // open (SQLITE_BUSY) instead of both serving diverging in-memory copies.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    const fresh = identify(db, path);  // read-only, so a foreign file is refused untouched
    ours = true;
    const mode = scalar(db, 'PRAGMA journal_mode = WAL');
    if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, WAL required`);
    db.exec('PRAGMA synchronous = FULL');
    db.exec('BEGIN IMMEDIATE; COMMIT');  // take the write lock now, not at the first write
    if (fresh) db.transaction(() => db!.exec(SCHEMA))();
    const { revision, items } = load(db, path);
    const index = new MemoryIndex(revision, items, options);
    return createIndexedStorage(index, backend(db), options.groupCommit ?? true);
  } catch (err) {
    if (db) release(db, ours);
    if (err instanceof StorageOpenError) throw err;
    throw new StorageOpenError(path, describe(err), { cause: err });
  }
}

/** True for an empty file; throws for one that is not ours or too new. */
function identify(db: Database, path: string): boolean {
  const appId = scalar(db, 'PRAGMA application_id');
  const version = scalar(db, 'PRAGMA user_version') as number;
  const tables = scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
  if (appId === 0 && version === 0 && tables === 0) return true;
  if (appId !== APPLICATION_ID) throw new StorageOpenError(path, 'not a ktl database (a SQLite file from another application)');
  if (version > SCHEMA_VERSION) throw new StorageOpenError(path, `written by a newer ktl (schema ${version}, this one reads ${SCHEMA_VERSION})`);
  return false;
}

/**
 * Closes db so that the file can be opened again at once. libsql's close() keeps the connection
 * (and its exclusive lock) alive until every prepared statement is garbage-collected; leaving WAL
 * and exclusive mode first drops the lock (and checkpoints the WAL into the main file).
 */
function release(db: Database, ours: boolean): void {
  try {
    // Never switch someone else's file out of WAL.
    if (ours && scalar(db, 'PRAGMA journal_mode') === 'wal') db.exec('PRAGMA journal_mode = DELETE');
    db.exec('PRAGMA locking_mode = NORMAL');
    scalar(db, 'SELECT count(*) FROM sqlite_schema');  // the lock goes at the end of this read
  } catch {
    // Unreadable file or lock held elsewhere: nothing of ours to release.
  }
  db.close();
}

function load(db: Database, path: string): { revision: number; items: StoredItem[] } {
  let revision = Number(scalar(db, "SELECT value FROM meta WHERE name = 'revision'") ?? 0);
  const items: StoredItem[] = [];
  for (const row of db.prepare('SELECT key, revision, value FROM objects').raw().iterate()) {
    const [key, rev, value] = row as [string, number, string];
    let object;
    try {
      object = decode(value, rev);
    } catch (err) {
      throw new StorageOpenError(path, `corrupt value at ${key}: ${describe(err)}`, { cause: err });
    }
    items.push({ key, object, revision: rev });
    // Never hand out a revision again, even if the counter row lags behind.
    if (rev > revision) revision = rev;
  }
  return { revision, items };
}

function backend(db: Database): Backend {
  const upsert = db.prepare(
    'INSERT INTO objects (key, revision, value) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET revision = excluded.revision, value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM objects WHERE key = ?');
  const setRevision = db.prepare("UPDATE meta SET value = ? WHERE name = 'revision'");
  const write = db.transaction((changes: Change[], revision: number) => {
    for (const { event, json } of changes) {
      if (json === undefined) remove.run(event.key);
      else upsert.run(event.key, event.revision, json);
    }
    setRevision.run(revision);
  });
  return {
    commit: (changes, revision) => write(changes, revision),
    close: () => release(db, true),
  };
}

function scalar(db: Database, sql: string): unknown {
  return (db.prepare(sql).raw().get() as unknown[] | undefined)?.[0];
}

function describe(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB') return 'file is not a database';
  if (code === 'SQLITE_BUSY') return 'database is locked (is another ktl server using it?)';
  if (code === 'SQLITE_CORRUPT') return 'database file is corrupt';
  return err instanceof Error ? err.message : String(err);
}
