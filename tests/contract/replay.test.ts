import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { summarise } from './replay/compare';
import { loadSuite, type RecordedExchange as Recording } from '../support/recorded';
import { send } from './replay/send';

// Replays every recorded ERPNext 15 exchange against a fresh sandbox in the recorded starting state and
// compares status, exc_type, the main message and document names (shared/erpnext/recorded/README.md).

const SUITES: { dir: string; state: 'setup-done' | 'bare' }[] = [
  { dir: '', state: 'setup-done' },
  { dir: 'fresh-site', state: 'bare' },
  { dir: 'setup', state: 'bare' },
  { dir: 'happy-path', state: 'setup-done' },
  { dir: 'mandatory-probe', state: 'setup-done' },
];

/** Reviewed list of recordings the sandbox cannot reproduce, each with its reason. Kept empty on purpose. */
const KNOWN_MISMATCHES: Record<string, string> = {};

const H05A = 'happy-path/h05a_item_403_needs_item_price_permission.json';

/**
 * Deviation from name order, with its reason: h05a was recorded at 20:51:17, in an earlier pass of the
 * happy path (h01 is 20:51:57) that stopped at the Item; replaying it after h05 would hit the duplicate
 * item instead. It therefore runs right before h05, with the role its note says was missing.
 */
function ordered(recordings: Recording[]): Recording[] {
  const h05a = recordings.find((r) => r.file === H05A);
  if (!h05a) return recordings;
  const rest = recordings.filter((r) => r !== h05a);
  const at = rest.findIndex((r) => r.file === 'happy-path/h05_item.json');
  return [...rest.slice(0, at), h05a, ...rest.slice(at)];
}

const AROUND: Record<string, { before(sb: Sandbox): void; after(sb: Sandbox): void }> = {
  [H05A]: {
    before: (sb) => sb.setUserRoles('provisioner', sb.users.provisioner.roles.filter((r) => r !== 'Sales Master Manager')),
    after: (sb) => sb.setUserRoles('provisioner', [...sb.users.provisioner.roles, 'Sales Master Manager']),
  },
};

// The recordings were made on 2026-11-28 around 20:48 UTC; the clock starts there and keeps ticking.
const RECORDED_AT = Date.parse('2026-11-28T20:48:00Z');

for (const suite of SUITES) {
  describe(`replay ${suite.dir || 'top-level'} (${suite.state})`, () => {
    let sb: Sandbox;
    beforeAll(async () => {
      const started = Date.now();
      sb = await startSandbox({ state: suite.state, seed: 15, clock: () => new Date(RECORDED_AT + (Date.now() - started)) });
    });
    afterAll(async () => sb?.stop());

    for (const rec of ordered(loadSuite(suite.dir))) {
      const known = KNOWN_MISMATCHES[rec.file];
      it.skipIf(!!known)(`${rec.file}${known ? ` (known mismatch: ${known})` : ''}`, async () => {
        AROUND[rec.file]?.before(sb);
        try {
          const actual = await send(sb, rec);
          expect(summarise(actual.status, actual.body)).toEqual(summarise(rec.response.status, rec.response.body as Record<string, unknown>));
        } finally {
          AROUND[rec.file]?.after(sb);
        }
      });
    }
  });
}
