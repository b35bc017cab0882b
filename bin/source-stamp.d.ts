// The types of bin/source-stamp.js, for the tests that import it (the launcher's modules stay plain JavaScript).

/** The stamp's file name inside the build folder. */
export declare const STAMP_FILE: string;
/** The stamp of a set of files: one line per file, sorted by path, `path size mtimeMs`. */
export declare function stampOf(files: ReadonlyArray<{ path: string; size: number; mtimeMs: number }>): string;
/** The stamp of every file under a folder (paths relative to it, with `/`). */
export declare function stampOfFolder(dir: string): string;
/** The stamp a build wrote, or undefined when there is none. */
export declare function readStamp(buildDir: string): string | undefined;
/** True when the build in buildDir was made from the files now in srcDir. */
export declare function isBuildCurrent(srcDir: string, buildDir: string): boolean;
