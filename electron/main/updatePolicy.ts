import type { UpdateStatus } from '../../shared/ipc/contract';

/** The parts of electron-updater's autoUpdater the policy drives. */
export interface Updater {
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdatePolicyOptions {
  /** Null when updates are off; `offReason` then says why. */
  feedUrl: string | null;
  offReason: string | null;
  updater?: Updater;
  isRunActive(): boolean;
  /** "Version X is available. Download it now?" */
  askToDownload(version: string): Promise<boolean>;
  /** "Version X is ready. Restart now to install it?" */
  askToRestart(version: string): Promise<boolean>;
}

/**
 * Auto-update with the installer's consent: nothing is downloaded unless they say yes, and never
 * asked (or installed) while a shop is being set up — the offer waits until no run is going.
 */
export class UpdatePolicy {
  private offered: string | undefined;
  private waiting: { version: string; step: 'download' | 'restart' } | undefined;
  private lastError: string | undefined;

  constructor(private readonly options: UpdatePolicyOptions) {
    const updater = options.updater;
    if (!options.feedUrl || !updater) return;
    updater.on('update-available', ({ version }) => this.offer({ version, step: 'download' }));
    updater.on('update-downloaded', ({ version }) => this.offer({ version, step: 'restart' }));
    updater.on('error', (error) => (this.lastError = error.message));
  }

  status(): UpdateStatus {
    if (!this.options.feedUrl || !this.options.updater) return { enabled: false, detail: this.options.offReason ?? 'Automatic updates are off.' };
    const base = `Updates come from ${this.options.feedUrl}; nothing is downloaded without your consent.`;
    return { enabled: true, detail: this.lastError ? `${base} The last check failed: ${this.lastError}` : base };
  }

  check(): void {
    if (this.options.feedUrl) void this.options.updater?.checkForUpdates().catch((error: Error) => (this.lastError = error.message));
  }

  /** Called when runs start or stop: a waiting offer is made once nothing runs. */
  runsChanged(): void {
    if (this.waiting && !this.options.isRunActive()) this.offer(this.waiting);
  }

  private offer(next: { version: string; step: 'download' | 'restart' }): void {
    if (this.options.isRunActive()) {
      this.waiting = next;
      return;
    }
    this.waiting = undefined;
    const key = `${next.step}:${next.version}`;
    if (this.offered === key) return;
    this.offered = key;
    const updater = this.options.updater!;
    if (next.step === 'download') {
      void this.options.askToDownload(next.version).then((yes) => yes && updater.downloadUpdate().catch((error: Error) => (this.lastError = error.message)));
    } else {
      void this.options.askToRestart(next.version).then((yes) => yes && !this.options.isRunActive() && updater.quitAndInstall());
    }
  }
}
