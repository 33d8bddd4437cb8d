// npm run backup [-- FILE]: a backup of the configured database (README, "Sao lưu và phục hồi").
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { backupDatabase, defaultBackupFile } from './backup/backup-restore.js';

const config = loadConfig();
const target = {
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  attachmentsDir: path.join(path.dirname(config.dataDir), 'attachments'),
};
try {
  const result = await backupDatabase(target, process.argv[2] ?? defaultBackupFile(target));
  console.log(`Đã sao lưu vào / backup written to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`);
  if (result.attachmentsFile) console.log(`Tệp đính kèm / attachments: ${result.attachmentsFile}`);
} catch (e) {
  console.error(`Sao lưu thất bại / backup failed: ${(e as Error).message}`);
  process.exit(1);
}
