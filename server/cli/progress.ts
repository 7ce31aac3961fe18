/**
 * The "已检查 N/M 个文件" line on stderr while a long run works through its files. Shown only to a
 * person watching a terminal: never when stderr is not a TTY (pipes, logs, editors) and never in CI
 * (CI set to anything but "" / "0" / "false"), so machine output and CI logs stay clean. The line
 * is redrawn in place with a carriage return and erased before the report is printed.
 */
export interface Progress {
  /** `done` files are finished; call before each file (and the line may be redrawn). */
  update(done: number): void;
  /** Erase the line (if one was drawn); call before writing the report. */
  finish(): void;
}

/** Runs with fewer files than this finish too quickly for a progress line to help. */
export const PROGRESS_MIN_FILES = 20;
/** Redraw at most this often, so thousands of small files do not flood the terminal. */
const REDRAW_MS = 100;

export interface ProgressIo {
  stderr: (s: string) => void;
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export function progressEnabled(io: ProgressIo, total: number): boolean {
  return io.stderrIsTTY === true && !isCi(io.env) && total >= PROGRESS_MIN_FILES;
}

const SILENT: Progress = { update: () => undefined, finish: () => undefined };

export function createProgress(io: ProgressIo, total: number, now: () => number = Date.now): Progress {
  if (!progressEnabled(io, total)) return SILENT;
  let drawn = false;
  let lastDraw = -Infinity;
  return {
    update(done) {
      if (done <= 0) return;
      const t = now();
      if (t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      drawn = true;
      io.stderr(`\r\u001b[K已检查 ${done}/${total} 个文件`);
    },
    finish() {
      if (drawn) io.stderr('\r\u001b[K');
      drawn = false;
    },
  };
}
