// Checks that a folder can take the files a run writes (reports, history, journals), made before the
// first request: a kernel or device file system is refused outright, anything else by writing a file.

import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Kernel and device file systems: a write there may hang or mean something else. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

export function isSystemFolder(dir: string): boolean {
  return SYSTEM_FOLDERS.some((f) => dir === f || dir.startsWith(`${f}/`));
}

/** Creates `dir` when missing and writes and removes a file in it; why that failed (an error code), or undefined. */
export function cannotWrite(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.conformance-write-check-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  }
}

/** Problems with writing report files into `dir` (created when missing), each naming the option: none when it takes files. */
export function reportFolderProblems(dir: string, what: string): string[] {
  if (isSystemFolder(dir)) return [`${what} ${dir}: a system folder, not a place for reports; choose another`];
  if (existsSync(dir) && !statSync(dir).isDirectory()) return [`${what} ${dir}: a file, not a folder; give a folder`];
  const why = cannotWrite(dir);
  return why ? [`${what} ${dir}: cannot write there (${why}); choose a folder you can write to`] : [];
}
