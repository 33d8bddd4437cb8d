// Reading an uploaded workbook (streaming): time, peak RSS and the longest event-loop stall while a file of N tiny rows is read.
// node --expose-gc --import tsx bench/import-read.ts [rows]
import { buildLargeWorkbook } from '../server/modules/members/import.fixtures.js';
import { readImportFile } from '../server/modules/members/import-read-file.js';
const n = Number(process.argv[2] ?? 200000);
const file = await buildLargeWorkbook(n, (i) => ({
  fullName: `A${i}`,
  gender: 'Nam',
  birthDate: '01/01/1990',
  unitCode: 'X',
  admittedOn: '01/01/2020',
}));
console.log(`file ${(file.length / 1e6).toFixed(1)} MB, ${n} rows`);
global.gc?.();
const rss0 = process.memoryUsage().rss;
let peak = rss0;
let maxLag = 0;
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  maxLag = Math.max(maxLag, now - last - 10);
  last = now;
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const t0 = performance.now();
try {
  await readImportFile(file);
  console.log('read ok');
} catch (e) {
  console.log('refused:', (e as { code?: string }).code, JSON.stringify((e as { params?: unknown }).params));
}
clearInterval(timer);
console.log(
  `time ${Math.round(performance.now() - t0)} ms, RSS before ${Math.round(rss0 / 1e6)} MB, peak ${Math.round(peak / 1e6)} MB, max event-loop lag ${Math.round(maxLag)} ms`,
);
