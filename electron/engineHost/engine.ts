import { adoptLegacyDatabase } from '../dataFolder';
import { useSystemProxyResolver } from '../erpnext/proxy';
import { dispatch } from '../ipc/dispatch';
import { forwardEvents } from '../ipc/events';
import { type Handlers, createHandlers } from '../ipc/handlers';
import type { HostPorts } from '../ipc/ports';
import { ProvisioningService } from '../service';
import { StoreError } from '../store';
import type { Store } from '../store';
import type { EngineSide } from './link';
import { fail } from '../../shared/ipc/result';
import type { Answers, EngineConfig, MainToEngine, Question } from './protocol';
import { KeyedSecretStore, LEGACY_SAFE_STORAGE_SCHEME } from './secretStore';

type Ask = <K extends Question['kind']>(question: Extract<Question, { kind: K }>) => Promise<Answers[K]>;

/** Secrets saved by versions where main encrypted each one with safeStorage: decrypted there once, re-encrypted here. */
async function convertLegacySecrets(store: Store, secrets: KeyedSecretStore, ask: Ask): Promise<void> {
  const legacy = store.sites.listCiphertexts(LEGACY_SAFE_STORAGE_SCHEME);
  if (legacy.length === 0) return;
  const plain = await ask({ kind: 'decryptLegacySecrets', ciphertexts: legacy.map((row) => row.ciphertext.toString('base64')) });
  legacy.forEach((row, index) => {
    const secret = plain[index];
    if (secret) secrets.set(row.siteId, secret);
  });
}

/**
 * The engine process: the run controllers, the ERPNext client and the SQLite store, off the window's
 * main thread. It answers the typed API with the same handlers (and the same `dispatch`) as the
 * browser host, and asks main for what only main can do: save dialogs, the OS's proxy settings, the
 * update status, and decrypting secrets an older version saved with the keychain.
 */
export function runEngine(channel: EngineSide, exit: (code: number) => void = (code) => process.exit(code)): void {
  let nextAsk = 0;
  const asked = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const ask: Ask = (question) =>
    new Promise((resolve, reject) => {
      const id = ++nextAsk;
      asked.set(id, { resolve: resolve as (value: unknown) => void, reject });
      channel.post({ type: 'ask', id, question });
    });
  let ready: Promise<{ service: ProvisioningService; handlers: Handlers; stopEvents(): void }> | undefined;
  // Calls being answered: shutdown lets them finish (a Cancel sent just before quitting must be saved).
  const inFlight = new Set<Promise<unknown>>();

  const start = async (config: EngineConfig) => {
    await adoptLegacyDatabase(config.dbFile, config.legacyDataDirs, { nativeBinding: config.nativeBinding });
    let keyed: KeyedSecretStore | undefined;
    const service = new ProvisioningService({
      dbFile: config.dbFile,
      appVersion: config.appVersion,
      nativeBinding: config.nativeBinding,
      secrets: (store) => (keyed = new KeyedSecretStore(store, Buffer.from(config.secrets.key, 'base64'), config.secrets.persistent, config.secrets.description)),
    });
    await convertLegacySecrets(service.store, keyed!, ask);
    if (config.systemProxy) useSystemProxyResolver((url) => ask({ kind: 'resolveProxy', url }));
    const ports: HostPorts = {
      host: 'electron',
      appVersion: config.appVersion,
      chooseSavePath: (options) => ask({ kind: 'chooseSavePath', options }),
      notify: (title, body) => channel.post({ type: 'notify', title, body }),
      updateStatus: () => ask({ kind: 'updateStatus' }),
      saveDocument: (options) => ask({ kind: 'printToPdf', options }),
    };
    const stopEvents = forwardEvents(service, { runUpdate: (update) => channel.post({ type: 'run-update', update }), logEntries: (entries) => channel.post({ type: 'log-entries', entries }) }, ports);
    return { service, handlers: createHandlers(service, ports), stopEvents };
  };

  const handle = async (message: MainToEngine) => {
    switch (message.type) {
      case 'init':
        ready = start(message.config);
        try {
          await ready;
          channel.post({ type: 'ready' });
        } catch (error) {
          const hint = error instanceof StoreError ? error.hint : 'Export nothing yet: send this message to the helpdesk.';
          channel.post({ type: 'failed', message: (error as Error).message, hint });
        }
        return;
      case 'call': {
        const answered = (async () => {
          const engine = await ready?.catch(() => undefined);
          const result = engine
            ? await dispatch(engine.handlers, message.command, message.payload)
            : fail({ code: 'engine_failed', message: 'The engine could not open its data.', hint: 'Quit and open the app again; the message shown at start says what to fix.' });
          channel.post({ type: 'result', id: message.id, result });
        })();
        inFlight.add(answered);
        await answered.finally(() => inFlight.delete(answered));
        return;
      }
      case 'answer': {
        const waiting = asked.get(message.id);
        asked.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error(message.message));
        return;
      }
      case 'shutdown': {
        // A call waiting on a dialog nobody will answer must not hold the app open: main kills after 5 s anyway.
        await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, 3_000))]);
        const engine = await ready?.catch(() => undefined);
        engine?.stopEvents();
        engine?.service.close();
        channel.post({ type: 'closed' });
        exit(0);
      }
    }
  };
  channel.onMessage((message) => void handle(message));
}
