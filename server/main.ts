import path from 'node:path';
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { purgeLoginThrottle } from './modules/auth/purge-login-throttle.js';
import { recoverInterruptedImports } from './modules/members/import-policy.js';
import { clearImportUploads } from './modules/members/import-start.js';
import { loadDemoDataIfEmpty } from '../scripts/demo/load-demo-data.js';
import { configureMail } from './lib/mailer.js';
import { startReminderJob } from './modules/notifications/reminder-job.js';

// config → database → migrate → demo data (first start) → listen
const startedAt = performance.now();
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, dataDir: config.dataDir });
await migrateDatabase(database);
// Imports a crash or restart left 'validating'/'importing' are marked failed (an interrupted import can be committed again).
const recovered = await recoverInterruptedImports(database.db);
// Their uploads (and any other an interrupted run left in DATA_DIR/imports) are of no use any more.
await clearImportUploads(path.join(config.filesDir, 'imports'));
if (recovered > 0) console.log(`Đã đánh dấu ${recovered} lần nhập Excel bị gián đoạn là thất bại.`);
await purgeLoginThrottle(database.db);
const demo = config.demoData ? await loadDemoDataIfEmpty(database.db) : null;
const app = await buildApp({ database, config, serveWeb: true });
await app.listen({ port: config.port, host: config.host });
// Reminders (due soon, overdue) and the e-mail queue run in this process; e-mail only when SMTP_URL is set.
configureMail({ smtpUrl: config.smtpUrl, from: config.mailFrom });
const stopReminders = startReminderJob(database.db, { appUrl: config.appUrl });

const where = database.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL';
console.log(`\nCông đoàn số đang chạy tại http://localhost:${config.port}  ·  CSDL: ${where}`);
console.log(
  config.smtpUrl
    ? `E-mail nhắc nhở: bật (gửi từ ${config.mailFrom}).`
    : 'E-mail nhắc nhở: tắt (chưa đặt SMTP_URL); nhắc nhở chỉ hiện trong ứng dụng.',
);
console.log(`Khởi động trong ${Math.round(performance.now() - startedAt)} ms. API: http://localhost:${config.port}/api/docs`);
if (demo) {
  console.log(demo.loaded ? '\nĐã nạp dữ liệu mẫu (lần khởi động đầu tiên).' : '\nDữ liệu mẫu đã có sẵn.');
  console.log('Tài khoản mẫu (demo logins):');
  for (const account of demo.accounts) {
    console.log(`  ${account.username.padEnd(16)} ${account.password.padEnd(14)} ${account.description}`);
  }
}

async function shutdown(signal: string) {
  console.log(`\n${signal}: đang dừng…`);
  stopReminders();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
