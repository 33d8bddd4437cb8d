// Report attachments on disk (tệp đính kèm báo cáo): DATA_DIR/attachments/<storage key>,
// a random key that never comes from the user, so a file name cannot reach
// outside the folder. The backup archives all of DATA_DIR beside the
// database (scripts/backup), so these files are backed up with it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The folder under DATA_DIR (config.filesDir) that holds the attachments. */
export const ATTACHMENTS_FOLDER = 'attachments';

export function attachmentsDir(filesDir: string): string {
  return path.join(filesDir, ATTACHMENTS_FOLDER);
}

/** A fresh random key: 32 hex characters (128 bits), the file's name on disk. */
export function newStorageKey(): string {
  return crypto.randomBytes(16).toString('hex');
}

const KEY_PATTERN = /^[0-9a-f]{32}$/;

/** Where a stored file lives; refuses any key that is not one newStorageKey makes. */
export function attachmentPath(filesDir: string, storageKey: string): string {
  if (!KEY_PATTERN.test(storageKey)) throw new Error(`invalid storage key ${storageKey}`);
  return path.join(attachmentsDir(filesDir), storageKey);
}

/** Writes the file whole or not at all: a temporary name, then a rename. */
export async function writeAttachmentFile(filesDir: string, storageKey: string, content: Buffer): Promise<void> {
  const target = attachmentPath(filesDir, storageKey);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.part`;
  await fs.promises.writeFile(temporary, content, { flag: 'wx' });
  await fs.promises.rename(temporary, target);
}

/** Removes a stored file; a missing one is not an error (removed before, or never written). */
export async function removeAttachmentFile(filesDir: string, storageKey: string): Promise<void> {
  await fs.promises.rm(attachmentPath(filesDir, storageKey), { force: true });
}

export function sha256Hex(content: Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}
