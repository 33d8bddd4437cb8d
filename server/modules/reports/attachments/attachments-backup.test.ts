// The attachments land where the backup archives: a file stored for DATA_DIR
// (config.filesDir) is in the archive `npm run backup` writes beside the
// database dump (scripts/backup.ts builds its target the same way as here).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../../scripts/backup/backup-restore.js';
import { testDatabaseUrl, testEngine } from '../../../../test/db.js';
import { loadConfig } from '../../../config.js';
import { openDatabase } from '../../../db/client.js';
import { newStorageKey, writeAttachmentFile } from './attachment-storage.js';
import { PNG } from './attachments.fixtures.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-attach-backup-'));
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function admin(query: string) {
  const c = new pg.Client({ connectionString: testDatabaseUrl() });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

describe(`attachments are in the backup (${testEngine()})`, () => {
  it('packs DATA_DIR/attachments/<key> with the database', async () => {
    const dataDirRoot = path.join(tmp, 'data');
    let databaseUrl: string | undefined;
    if (testEngine() === 'postgres') {
      const name = `congdoan_attach_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
      await admin(`create database "${name}"`);
      cleanups.push(() => admin(`drop database if exists "${name}" with (force)`));
      const u = new URL(testDatabaseUrl());
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
    }
    const config = loadConfig({ DATA_DIR: dataDirRoot, DATABASE_URL: databaseUrl ?? '' });
    if (!databaseUrl) await (await openDatabase({ dataDir: config.dataDir })).close(); // an (empty) PGlite cluster to dump

    const key = newStorageKey();
    await writeAttachmentFile(config.filesDir, key, PNG);

    // The target as scripts/backup.ts makes it (both the per-folder and the whole-DATA_DIR forms of BackupTarget).
    const target: Parameters<typeof backupDatabase>[0] = Object.assign(
      { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
      { attachmentsDir: path.join(path.dirname(config.dataDir), 'attachments'), filesDir: config.filesDir },
    );
    const file = path.join(tmp, databaseUrl ? 'b.dump' : 'b.tar.gz');
    const result = (await backupDatabase(target, file)) as unknown as Record<string, string | null>;
    const archive = result.filesFile ?? result.attachmentsFile;
    expect(archive).toBeTruthy();
    const listing = spawnSync('tar', ['-tzf', archive!], { encoding: 'utf8' }).stdout.split('\n');
    expect(listing.some((entry) => entry.endsWith(key))).toBe(true);
  });
});
