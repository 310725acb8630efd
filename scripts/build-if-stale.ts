// `npm start` runs this first: it compiles the server and builds the web app only when their
// output is missing or older than any of their sources, so a fresh clone just works and a
// second start is quick.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

const outputTime = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : -1);
const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'inherit' });

const serverSources = ['src', 'migrations', 'scripts', 'tsconfig.json', 'package-lock.json'];
if (outputTime('dist/src/server.js') < newestMtime(serverSources)) {
  process.stdout.write('build: compiling the server\n');
  run('npx', ['tsc', '-p', 'tsconfig.json']);
}
// The migrated data directory a fresh embedded start copies; a no-op while it matches the migrations.
run(process.execPath, ['dist/scripts/build-embedded-template.js']);
const webSources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'];
if (outputTime('web/dist/index.html') < newestMtime(webSources)) {
  process.stdout.write('build: building the web app\n');
  run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
}
