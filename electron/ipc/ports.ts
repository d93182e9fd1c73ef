import type { SavedDocument, UpdateStatus } from '../../shared/ipc/contract';

/** What the handlers need from the host (the Electron shell, or the browser test host). */
export interface HostPorts {
  host: 'electron' | 'browser-host';
  appVersion: string;
  /** Asks where to save a file; null when the installer cancels. */
  chooseSavePath(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  /** A desktop notification (the end of a run). */
  notify(title: string, body: string): void;
  /**
   * Saves a printable document (the handover sheet) where the installer chooses: the app prints it to
   * PDF (only main has windows to print with). Without it the HTML itself is saved (browser host).
   */
  saveDocument?(options: { title: string; defaultName: string; html: string }): Promise<SavedDocument | null>;
  /** Whether automatic updates are on, and why not (shown in About). */
  updateStatus(): Promise<UpdateStatus>;
}
