// Where a Node process spent its CPU, from a .cpuprofile (`node --cpu-prof`):
//   node --import tsx bench/cpu-profile-top.ts FILE.cpuprofile [N]
// Prints the N (default 30) functions with the most self time, then the self
// time summed per package (node_modules/<name>) or per file of ours — what a
// server under bench:load spends its time on (BENCH_SERVER_NODE_ARGS="--cpu-prof
// --cpu-prof-dir=/tmp/prof" starts the server profiled; it writes the file when it stops).
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --import tsx bench/cpu-profile-top.ts FILE.cpuprofile [N]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Self time per node: the sampling interval that followed each sample.
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
// Idle time (waiting for I/O) is not CPU: counted apart.
const isIdle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
const idle = [...selfMs].filter(([id]) => isIdle(id)).reduce((a, [, ms]) => a + ms, 0);
const total = [...selfMs].filter(([id]) => !isIdle(id)).reduce((a, [, ms]) => a + ms, 0);

const where = (url: string): string => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (!url) return '(native, GC)';
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\/.*?\/(server|common)\//, '$1/');
};

const functions = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, ms] of selfMs) {
  if (isIdle(id)) continue;
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${where(f.url)}:${f.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + ms);
  places.set(where(f.url), (places.get(where(f.url)) ?? 0) + ms);
}
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${(ms / 1000).toFixed(1).padStart(7)} s  ${k}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s on the CPU, ${(idle / 1000).toFixed(1)} s idle`);
print('Self time by function', functions);
print('Self time by package or file', places);
