#!/usr/bin/env node
// `npm run build` (and `npm ci`, through `prepare`): compiles src/ into dist/, file for file (ESM, source
// maps), with esbuild, which transforms each file alone and checks no types (`npm test` runs tsc for that);
// copies the other files the code reads next to itself (src/report/*.schema.json); writes the stamp of
// the sources it compiled last (bin/source-stamp.js). It builds into a fresh folder and then swaps it for
// dist/, so a run never starts from a half-built dist/: without a stamp, the launcher runs the sources.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { STAMP_FILE, stampOfFolder } from './source-stamp.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const next = join(root, `dist.building-${process.pid}`);
const old = join(root, `dist.old-${process.pid}`);

const started = performance.now();
// Taken before compiling: a file edited during the build makes the stamp differ, never a stale build current.
const stamp = stampOfFolder(src);
const files = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name));
const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const others = files.filter((f) => !f.endsWith('.ts'));

rmSync(next, { recursive: true, force: true });
try {
  await build({
    entryPoints: sources,
    outdir: next,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  for (const file of others) {
    const to = join(next, relative(src, file));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, to);
  }
  writeFileSync(join(next, STAMP_FILE), stamp);
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(dist, old);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'ENOENT') throw err;
  }
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
} catch (err) {
  rmSync(next, { recursive: true, force: true });
  console.error(`build: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const ms = Math.round(performance.now() - started);
console.log(`build: ${sources.length} files from src/ into dist/ (${others.length} copied) in ${ms} ms`);

// The first run after an install starts as fast as the next: the bundled specs validated and their schemas
// compiled now, into the caches (src/openapi/warm-caches). A failure here costs that run time, nothing else.
try {
  const warmStarted = performance.now();
  const { warmCaches } = await import(pathToFileURL(join(dist, 'openapi', 'warm-caches.js')).href);
  const { bundledSpecFiles } = await import(pathToFileURL(join(dist, 'project-paths.js')).href);
  const warmed = await warmCaches(bundledSpecFiles());
  const warmMs = Math.round(performance.now() - warmStarted);
  console.log(
    `build: ${warmed.specs} specs validated and ${warmed.schemas} schemas compiled into the cache in ${warmMs} ms`,
  );
} catch (err) {
  console.error(
    `build: the caches were not warmed (${err instanceof Error ? err.message : String(err)}); runs fill them`,
  );
}
