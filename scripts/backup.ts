// npm run backup [-- FILE]: a backup of the configured database (README, "Sao lưu và phục hồi").
import { loadConfig } from '../server/config.js';
import { backupDatabase, defaultBackupFile } from './backup/backup-restore.js';

const config = loadConfig();
const target = {
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  filesDir: config.filesDir,
};
try {
  const result = await backupDatabase(target, process.argv[2] ?? defaultBackupFile(target));
  console.log(`Đã sao lưu vào / backup written to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`);
  if (result.filesFile) console.log(`Tệp trong DATA_DIR (đính kèm, tệp đang nhập) / files in DATA_DIR: ${result.filesFile}`);
} catch (e) {
  console.error(`Sao lưu thất bại / backup failed: ${(e as Error).message}`);
  process.exit(1);
}
