// The benchmark measures the code as an install runs it: compiled JavaScript (dist/, what `npm ci` builds
// through `prepare`), not the TypeScript sources through tsx, whose loader, transforms and source maps cost
// time and about 100 MB that no user's run pays. `buildProject()` builds dist/ first (as `npm run build`
// does); `compileChild()` bundles one bench script (its own TypeScript) whose imports of src/ point at the
// same modules in dist/, into the project's cache folder, where its packages resolve from node_modules.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { PROJECT_ROOT } from '../src/project-paths.js';
import { BenchBroken } from './conformance-lifecycle.js';

const SRC = join(PROJECT_ROOT, 'src');
const DIST = join(PROJECT_ROOT, 'dist');
const OUT = join(PROJECT_ROOT, 'node_modules', '.cache', 'connector-conformance-bench');

/** Builds dist/ from the sources as they are now; the bench is broken when it cannot. */
export function buildProject(): void {
  const built = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'build.js')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0)
    throw new BenchBroken(`npm run build failed (exit ${built.status}): ${`${built.stderr}${built.stdout}`.trim()}`);
}

/** Imports of src/ become imports of the same module in dist/, left to Node (not bundled). */
const srcToDist: Plugin = {
  name: 'src-to-dist',
  setup(b) {
    b.onResolve({ filter: /\/src\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (!target.startsWith(`${SRC}/`)) return undefined;
      return { path: pathToFileURL(join(DIST, relative(SRC, target))).href, external: true };
    });
  },
};

/** Bundles `bench/<name>.ts` over dist/ and returns the file to run with plain node. */
export async function compileChild(name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, `${name}.mjs`);
  await build({
    entryPoints: [join(PROJECT_ROOT, 'bench', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    plugins: [srcToDist],
    logLevel: 'error',
  });
  return outfile;
}
