#!/usr/bin/env node
// `npm start` builds only what is missing or older than its sources, so that a start after
// `npm install` (which builds both) answers within seconds, and a start after an edit rebuilds.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestIn(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
      }
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(join(root, p)));
  return newest;
}

function stale(output, sources) {
  const target = join(root, output);
  return !existsSync(target) || statSync(target).mtimeMs < newestIn(sources);
}

const apiSources = [
  'apps/api',
  'apps/cli',
  'libs',
  'config',
  'tsconfig.json',
  'tsconfig.build.json',
];
const webSources = ['apps/web', 'libs/domain', 'libs/core/src/auth/dto', 'package-lock.json'];

if (stale('dist/apps/api/src/main.js', apiSources)) {
  console.log('Building the API…');
  execSync('npm run build:api', { cwd: root, stdio: 'inherit' });
}
if (stale('apps/web/dist/index.html', webSources)) {
  console.log('Building the web app…');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}
