/** Why a check was asked for: typing, saving, opening, or a settings/config change. */
export type Trigger = 'open' | 'change' | 'save' | 'config';

export type RunCheck = (uri: string, trigger: Trigger, isCurrent: () => boolean) => Promise<void>;

/**
 * One pending check per document. A new request supersedes the previous one: its timer is
 * cleared, and a check already under way sees `isCurrent()` turn false at its next await and
 * drops its results instead of publishing diagnostics for an old version.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly tokens = new Map<string, number>();
  private next = 0;

  constructor(
    private readonly run: RunCheck,
    private readonly onError: (uri: string, e: unknown) => void,
  ) {}

  schedule(uri: string, trigger: Trigger, delayMs: number): void {
    this.clearTimer(uri);
    const token = ++this.next;
    this.tokens.set(uri, token);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      const isCurrent = () => this.tokens.get(uri) === token;
      this.run(uri, trigger, isCurrent).catch((e) => this.onError(uri, e));
    }, delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    this.clearTimer(uri);
    this.tokens.delete(uri);
  }

  pending(uri: string): boolean {
    return this.timers.has(uri);
  }

  private clearTimer(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }
}
