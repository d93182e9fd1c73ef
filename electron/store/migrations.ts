/**
 * Numbered, append-only schema history. Never edit a migration that has shipped: add a new one.
 * Each runs once, in its own transaction; its checksum guards against an edited history.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sites shops runs steps logs',
    sql: `
      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        display_url TEXT NOT NULL,
        api_key TEXT NOT NULL,
        tls_ca_file TEXT,
        tls_pin TEXT,
        last_check TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Only ever ciphertext (OS keychain via safeStorage); never the secret itself.
      CREATE TABLE site_secrets (
        site_id TEXT PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
        scheme TEXT NOT NULL,
        ciphertext BLOB NOT NULL
      ) STRICT;

      CREATE TABLE shops (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        config TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (site_id, name)
      ) STRICT;

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        shop_id TEXT NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'PARTIAL')),
        phase TEXT NOT NULL,
        machine_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        updated_at TEXT NOT NULL,
        next_probe_at TEXT,
        error TEXT,
        summary TEXT
      ) STRICT;
      CREATE INDEX runs_by_shop ON runs (shop_id, created_at);

      CREATE TABLE run_steps (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'retrying', 'succeeded', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        started_at TEXT,
        finished_at TEXT,
        duration_ms INTEGER,
        current_action TEXT,
        error_code TEXT,
        error_category TEXT,
        error_message TEXT,
        error_hint TEXT,
        error_detail TEXT,
        outputs TEXT,
        PRIMARY KEY (run_id, step_id)
      ) STRICT;

      -- One active run per shop, across processes: a row here is the lock.
      CREATE TABLE run_locks (
        shop_id TEXT PRIMARY KEY REFERENCES shops(id) ON DELETE CASCADE,
        run_id TEXT NOT NULL,
        owner TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        heartbeat_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE logs (
        id INTEGER PRIMARY KEY,
        run_id TEXT,
        shop_id TEXT,
        time TEXT NOT NULL,
        level TEXT NOT NULL,
        step_id TEXT,
        correlation_id TEXT,
        message TEXT NOT NULL,
        data TEXT
      ) STRICT;
      CREATE INDEX logs_by_run ON logs (run_id, id);
      CREATE INDEX logs_by_correlation ON logs (correlation_id);
    `,
  },
  {
    version: 2,
    name: 'log viewer indexes',
    // The viewer filters a shop's logs by level and step over 100,000+ rows; the support bundle reads by shop.
    sql: `
      CREATE INDEX logs_by_shop ON logs (shop_id, id);
      CREATE INDEX logs_by_run_level ON logs (run_id, level, id);
      CREATE INDEX logs_by_run_step ON logs (run_id, step_id, id);
    `,
  },
  {
    version: 3,
    name: 'sites allow plain http',
    // A site the installer explicitly allowed to be reached over plain HTTP (lab setups); off by default.
    sql: `
      ALTER TABLE sites ADD COLUMN allow_plain_http INTEGER NOT NULL DEFAULT 0 CHECK (allow_plain_http IN (0, 1));
    `,
  },
  {
    version: 4,
    name: 'fenced run locks and write intents',
    sql: `
      -- A fresh token per acquisition: every run/step write checks it, so a holder that lost the lock
      -- (taken over on a stale heartbeat) cannot overwrite the new holder's rows.
      ALTER TABLE run_locks ADD COLUMN token TEXT NOT NULL DEFAULT '';

      -- A create sent to ERPNext whose answer has not come back yet: until the server could no longer
      -- commit it, the step looks for it instead of sending it again (also after a crash).
      CREATE TABLE write_intents (
        shop_id TEXT NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        what TEXT NOT NULL,
        run_id TEXT,
        step_id TEXT,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (shop_id, what)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'run history: who started a run, every step attempt',
    sql: `
      -- Each command that drove a run (Start, Continue, Retry all): the OS user and the machine, for the
      -- run history ("who ran this, from which laptop"). Never a secret.
      CREATE TABLE run_sessions (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        command TEXT NOT NULL,
        os_user TEXT NOT NULL,
        host TEXT NOT NULL,
        started_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX run_sessions_by_run ON run_sessions (run_id, id);

      -- Every finished attempt of a step. run_steps keeps only a step's latest state (a failure that
      -- Continue then fixed disappears from it); failure rates and the timeline need every attempt.
      CREATE TABLE step_attempts (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
        started_at TEXT,
        finished_at TEXT,
        duration_ms INTEGER,
        error_code TEXT,
        error_message TEXT,
        server_message TEXT,
        PRIMARY KEY (run_id, step_id, attempt)
      ) STRICT;
      CREATE INDEX step_attempts_by_step ON step_attempts (step_id, status);
      -- Insights group the failed attempts (a few among thousands) by error code and by ERPNext's words.
      CREATE INDEX step_attempts_failed ON step_attempts (error_code, step_id, server_message) WHERE status = 'failed';

      -- The history recorded before this version: each step's last attempt.
      INSERT INTO step_attempts (run_id, step_id, attempt, status, started_at, finished_at, duration_ms, error_code, error_message, server_message)
        SELECT run_id, step_id, attempts, status, started_at, finished_at, duration_ms, error_code, error_message, json_extract(error_detail, '$.serverMessage')
        FROM run_steps WHERE status IN ('succeeded', 'failed') AND attempts > 0;

      -- Insights and the ETA read every successful step's duration (one covering index scan).
      CREATE INDEX run_steps_durations ON run_steps (status, step_id, duration_ms);
    `,
  },
  {
    version: 7,
    name: 'plans: the preview of a shop, and the plan each run started from',
    sql: `
      -- The latest Preview (desktop) or \`plan\` (CLI) of a shop: the next Start compares the site with it.
      CREATE TABLE shop_previews (
        shop_id TEXT PRIMARY KEY REFERENCES shops(id) ON DELETE CASCADE,
        plan TEXT NOT NULL,
        planned_at TEXT NOT NULL
      ) STRICT;

      -- What a run was going to do, as its preflight planned it before the first write, the preview that
      -- came before it (if any) and what differed between the two: the history shows plan vs result.
      CREATE TABLE run_plans (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        plan TEXT NOT NULL,
        planned_at TEXT NOT NULL,
        preview TEXT,
        differences TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'shop effects and undo',
    sql: `
      -- Every record a run touched on the site, per shop (the undo reads only this): created by us (to be
      -- removed), adopted (existed: never removed), changed (field, value before, value after: restored).
      -- One row per record and field, so a retried create is one effect. A row for a child row we added
      -- names its parent. undone_at is undo's persisted cursor: set once the effect is undone (or found gone).
      CREATE TABLE shop_effects (
        id INTEGER PRIMARY KEY,
        shop_id TEXT NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        run_id TEXT,
        step_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('created', 'adopted', 'changed')),
        doctype TEXT NOT NULL,
        name TEXT NOT NULL,
        field TEXT NOT NULL DEFAULT '',
        parent_doctype TEXT,
        parent_name TEXT,
        before_value TEXT,
        after_value TEXT,
        recorded_at TEXT NOT NULL,
        undone_at TEXT,
        undo_note TEXT,
        UNIQUE (shop_id, kind, doctype, name, field)
      ) STRICT;
      CREATE INDEX shop_effects_by_record ON shop_effects (doctype, name);

      -- Each undo of a shop: its state survives a crash, so a second undo resumes where the first stopped.
      CREATE TABLE undo_runs (
        id TEXT PRIMARY KEY,
        shop_id TEXT NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'REFUSED', 'FAILED')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT
      ) STRICT;
      CREATE INDEX undo_runs_by_shop ON undo_runs (shop_id, started_at);
    `,
  },
];
