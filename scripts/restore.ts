// npm run restore -- FILE [--replace]: restores a backup made by npm run backup
// into an empty data directory (PGlite) or database (PostgreSQL; --replace to overwrite).
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { restoreDatabase } from './backup/backup-restore.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Cách dùng / usage: npm run restore -- FILE [--replace]');
  process.exit(2);
}
const config = loadConfig();
const target = {
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  filesDir: config.filesDir,
};
try {
  await restoreDatabase(target, path.resolve(file), { replace: args.includes('--replace') });
  console.log(`Đã phục hồi từ / restored from ${path.resolve(file)} vào / into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
} catch (e) {
  console.error(`Phục hồi thất bại / restore failed: ${(e as Error).message}`);
  process.exit(1);
}
