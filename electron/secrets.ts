/**
 * Where API secrets live. The store (SQLite) only ever holds ciphertext or nothing; the secret itself
 * comes from the OS keychain (Electron safeStorage, in the app), from the environment (CLI), or from
 * memory for the current session when the OS offers no encryption.
 */
export interface SecretStore {
  /** Shown to the installer, e.g. "OS keychain" or "this session only". */
  readonly description: string;
  /** False when the secret is forgotten when the app closes. */
  readonly persistent: boolean;
  get(siteId: string): string | undefined;
  set(siteId: string, secret: string): void;
  remove(siteId: string): void;
}

/** Session-only secrets: nothing is written anywhere. */
export class MemorySecretStore implements SecretStore {
  readonly description = 'this session only (not saved)';
  readonly persistent = false;
  private readonly secrets = new Map<string, string>();

  get(siteId: string): string | undefined {
    return this.secrets.get(siteId);
  }

  set(siteId: string, secret: string): void {
    this.secrets.set(siteId, secret);
  }

  remove(siteId: string): void {
    this.secrets.delete(siteId);
  }
}

/** The CLI's secrets: ERPNEXT_API_SECRET for whichever site the command targets; never written. */
export class EnvSecretStore implements SecretStore {
  readonly description = 'the ERPNEXT_API_SECRET environment variable';
  readonly persistent = false;
  private readonly session = new MemorySecretStore();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  get(siteId: string): string | undefined {
    return this.session.get(siteId) ?? (this.env.ERPNEXT_API_SECRET || undefined);
  }

  set(siteId: string, secret: string): void {
    this.session.set(siteId, secret);
  }

  remove(siteId: string): void {
    this.session.remove(siteId);
  }
}
