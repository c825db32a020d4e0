// Versioned schema. Each entry runs once, in order, inside a transaction; PRAGMA user_version records progress.
import type Database from 'better-sqlite3';

export const migrations: string[] = [
  // 1 — core tables
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    platform_user_id TEXT NOT NULL,
    display_name TEXT,
    chat_id TEXT,
    alerts_opt_in INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (platform, platform_user_id)
  );
  CREATE TABLE sessions (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    active_case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    state TEXT NOT NULL DEFAULT '{}',
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    scenario TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    stage TEXT NOT NULL,
    current_rung TEXT,
    facts TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT '{}',
    outcome TEXT,
    refunded_amount REAL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    closed_at INTEGER
  );
  CREATE INDEX cases_user ON cases(user_id, status);
  CREATE INDEX cases_closed ON cases(closed_at) WHERE closed_at IS NOT NULL;
  CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    item TEXT,
    kind TEXT NOT NULL,
    file_ref TEXT,
    note TEXT,
    at INTEGER NOT NULL
  );
  CREATE INDEX evidence_case ON evidence(case_id);
  CREATE TABLE processed_updates (
    platform TEXT NOT NULL,
    update_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (platform, update_id)
  ) WITHOUT ROWID;
  CREATE TABLE chats (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'private',
    unreachable_at INTEGER,
    unreachable_reason TEXT,
    PRIMARY KEY (platform, chat_id)
  ) WITHOUT ROWID;
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'reply',
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER NOT NULL DEFAULT 0,
    claimed_at INTEGER,
    sent_at INTEGER,
    error TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX outbox_pending ON outbox(platform, id) WHERE status = 'pending';
  CREATE INDEX outbox_pending_chat ON outbox(platform, chat_id) WHERE status = 'pending';
  CREATE INDEX outbox_user ON outbox(user_id);
  CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    rung TEXT,
    due_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    payload TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    fired_at INTEGER
  );
  CREATE INDEX follow_ups_due ON follow_ups(due_at) WHERE status = 'pending';
  CREATE INDEX follow_ups_case ON follow_ups(case_id, status);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT
  );
  `,
  // blacklist — merchants, reports, subscriptions, collective complaints, broadcasts (src/blacklist, src/broadcast)
  `
  CREATE TABLE merchants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'reported' CHECK (status IN ('blacklisted', 'reported', 'removed')),
    reason TEXT,
    listed_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE merchant_identifiers (
    id INTEGER PRIMARY KEY,
    merchant_id INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('name', 'alias', 'domain', 'qq', 'wechat', 'shop')),
    value TEXT NOT NULL,
    UNIQUE (merchant_id, kind, value)
  );
  CREATE TABLE merchant_reports (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    merchant_id INTEGER REFERENCES merchants(id) ON DELETE SET NULL,
    merchant_text TEXT NOT NULL,
    what TEXT NOT NULL,
    amount REAL,
    evidence_count INTEGER NOT NULL DEFAULT 0,
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
    decision_reason TEXT,
    decided_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX merchant_reports_queue ON merchant_reports(id) WHERE status = 'pending';
  CREATE INDEX merchant_reports_user ON merchant_reports(user_id, created_at);
  CREATE INDEX merchant_reports_merchant ON merchant_reports(merchant_id, status);
  -- A user who deletes their data takes their unreviewed reports along; approved ones stay as bare counts.
  CREATE TRIGGER merchant_reports_forget_user BEFORE DELETE ON users BEGIN
    DELETE FROM merchant_reports WHERE user_id = OLD.id AND status <> 'approved';
    UPDATE merchant_reports SET user_id = NULL, case_id = NULL, what = '' WHERE user_id = OLD.id;
  END;
  CREATE TABLE alert_groups (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id)
  ) WITHOUT ROWID;
  CREATE TABLE collective_consents (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    merchant_key TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX collective_consents_key ON collective_consents(merchant_key);
  CREATE TABLE broadcasts (
    id INTEGER PRIMARY KEY,
    admin_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    merchant_id INTEGER REFERENCES merchants(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sending', 'done', 'cancelled')),
    total INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    first_outbox_id INTEGER,
    last_outbox_id INTEGER,
    reported_pct INTEGER NOT NULL DEFAULT 0,
    reported_at INTEGER,
    created_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER
  );
  CREATE INDEX outbox_pending_kind ON outbox(platform, kind, id) WHERE status = 'pending';
  `,
  // follow-ups — the per-case index without status: firing a follow-up changes its status, and with
  // status in the key every fire also rewrote a random page of this index (~100 WAL frames a batch).
  `
  DROP INDEX IF EXISTS follow_ups_case;
  CREATE INDEX follow_ups_case ON follow_ups(case_id);
  `,
  // outbox — fewer random index pages per message: the per-user index goes (deleting a user's rows
  // is rare and may scan; sent rows are pruned), and held rows are looked up per chat only on the
  // platform that holds them (official QQ, no proactive sends).
  `
  DROP INDEX IF EXISTS outbox_user;
  DROP INDEX IF EXISTS outbox_pending_chat;
  CREATE INDEX outbox_held ON outbox(chat_id) WHERE status = 'pending' AND platform = 'qqofficial';
  CREATE INDEX processed_updates_at ON processed_updates(at);
  `,
  // broadcasts — the final figures kept on the broadcast, since sent outbox rows are pruned after a week
  `
  ALTER TABLE broadcasts ADD COLUMN final_tally TEXT;
  `,
  // bounded deletion and unreachable marking — every row tied to a user or a case is found by an
  // index: 删除我的数据 (and the foreign-key cascades it sets off) and a 403's markUnreachable no
  // longer scan outbox, audit, follow-ups, sessions or reports whole. outbox_chat serves
  // "WHERE platform = ? AND chat_id = ?" whatever the status; its key never changes after insert.
  `
  CREATE INDEX IF NOT EXISTS outbox_chat ON outbox(platform, chat_id);
  CREATE INDEX IF NOT EXISTS outbox_user ON outbox(user_id);
  CREATE INDEX IF NOT EXISTS follow_ups_user ON follow_ups(user_id);
  CREATE INDEX IF NOT EXISTS sessions_active_case ON sessions(active_case_id);
  CREATE INDEX IF NOT EXISTS collective_consents_user ON collective_consents(user_id);
  CREATE INDEX IF NOT EXISTS merchant_reports_case ON merchant_reports(case_id);
  CREATE INDEX IF NOT EXISTS broadcasts_admin ON broadcasts(admin_user_id);
  CREATE INDEX IF NOT EXISTS audit_actor ON audit(actor) WHERE actor IS NOT NULL;
  CREATE INDEX IF NOT EXISTS audit_subject ON audit(subject) WHERE subject IS NOT NULL;
  `,
  // outbox — per-chat order: a row waits while an older row of its chat is unsent (src/delivery/drainer.ts).
  // Only unsent rows, in id order; the delivery queries name a kind, which implies `kind IS NOT NULL`
  // (a query naming no kind, like markUnreachable's, keeps to outbox_chat).
  `
  CREATE INDEX IF NOT EXISTS outbox_unsent_chat ON outbox(platform, chat_id, id) WHERE status IN ('pending', 'sending') AND kind IS NOT NULL;
  `,
  // 8 — community desk (src/community, issue 16): broadcasts bound to the merchant's state at preview,
  // the recipients of merchant warnings (for corrections), open cases' merchant keys maintained on
  // write (lookups and collective complaints cost O(matches)), anonymous outcome counters.
  `
  ALTER TABLE merchants ADD COLUMN removed_at INTEGER;
  ALTER TABLE merchants ADD COLUMN removed_reason TEXT;
  ALTER TABLE broadcasts ADD COLUMN kind TEXT NOT NULL DEFAULT 'custom';
  ALTER TABLE broadcasts ADD COLUMN bound TEXT;
  CREATE INDEX broadcasts_merchant ON broadcasts(merchant_id, id) WHERE merchant_id IS NOT NULL;
  CREATE INDEX broadcasts_shown ON broadcasts(id) WHERE status IN ('sending', 'done');
  CREATE TABLE broadcast_recipients (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (broadcast_id, platform, chat_id)
  ) WITHOUT ROWID;
  CREATE INDEX broadcast_recipients_user ON broadcast_recipients(user_id);
  -- Warnings sent before this version: their recipients from the outbox rows not yet pruned.
  UPDATE broadcasts SET kind = 'warning' WHERE merchant_id IS NOT NULL;
  INSERT OR IGNORE INTO broadcast_recipients (broadcast_id, platform, chat_id, user_id)
    SELECT b.id, o.platform, o.chat_id, o.user_id FROM broadcasts b
    JOIN outbox o ON o.kind = 'broadcast' AND o.id BETWEEN b.first_outbox_id AND b.last_outbox_id
    WHERE b.merchant_id IS NOT NULL AND b.status IN ('sending', 'done');
  CREATE TABLE case_keys (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    main INTEGER NOT NULL,
    open INTEGER NOT NULL,
    PRIMARY KEY (case_id, key)
  ) WITHOUT ROWID;
  CREATE INDEX case_keys_key ON case_keys(key, open);
  CREATE TABLE case_keys_dirty (case_id INTEGER PRIMARY KEY);
  CREATE TRIGGER case_keys_new AFTER INSERT ON cases BEGIN
    INSERT OR IGNORE INTO case_keys_dirty (case_id) VALUES (NEW.id);
  END;
  CREATE TRIGGER case_keys_changed AFTER UPDATE OF facts, status, stage ON cases
    WHEN NEW.status IS NOT OLD.status
      OR ((NEW.stage = 'declined') IS NOT (OLD.stage = 'declined'))
      OR json_extract(NEW.facts, '$.merchant') IS NOT json_extract(OLD.facts, '$.merchant')
      OR json_extract(NEW.facts, '$.platform') IS NOT json_extract(OLD.facts, '$.platform')
  BEGIN
    INSERT OR IGNORE INTO case_keys_dirty (case_id) VALUES (NEW.id);
  END;
  INSERT OR IGNORE INTO case_keys_dirty (case_id) SELECT id FROM cases WHERE status = 'open';
  INSERT OR IGNORE INTO case_keys_dirty (case_id) SELECT case_id FROM collective_consents;
  -- Closed cases' outcomes, copied at closing without any link to the user or the case, then
  -- folded into per-merchant counters (merchant_outcomes) by src/community.
  CREATE TABLE closed_outcomes (
    id INTEGER PRIMARY KEY,
    merchant TEXT,
    platform TEXT,
    outcome TEXT NOT NULL,
    refunded REAL,
    rung TEXT
  );
  CREATE TRIGGER closed_outcomes_copy AFTER UPDATE OF status ON cases
    WHEN NEW.status = 'closed' AND OLD.status IS NOT 'closed' AND NEW.outcome IS NOT NULL
  BEGIN
    INSERT INTO closed_outcomes (merchant, platform, outcome, refunded, rung)
    VALUES (json_extract(NEW.facts, '$.merchant'), json_extract(NEW.facts, '$.platform'), NEW.outcome, NEW.refunded_amount, NEW.current_rung);
  END;
  -- Screenshots and files a reporter attached (platform file references), gone with the reporter.
  CREATE TABLE merchant_report_files (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES merchant_reports(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    file_ref TEXT NOT NULL
  );
  CREATE INDEX merchant_report_files_report ON merchant_report_files(report_id);
  CREATE INDEX merchant_report_files_user ON merchant_report_files(user_id);
  CREATE TABLE merchant_outcomes (
    key TEXT NOT NULL,
    outcome TEXT NOT NULL,
    rung TEXT NOT NULL DEFAULT '',
    n INTEGER NOT NULL DEFAULT 0,
    refunded REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (key, outcome, rung)
  ) WITHOUT ROWID;
  `,
  // 9 — per-platform outcome counters (issue 16 build item 2, last part): closed cases' outcomes under
  // the case's platform key alone (normalize.groupKey of facts.platform), folded from closed_outcomes
  // with merchant_outcomes, with no link to the user or the case. Shown at the matching rung of a
  // user's case once the platform has ≥ K_ANONYMITY closed cases. Counting starts with this version
  // (rows already folded before it carry no separate platform key).
  // The rung an outcome is counted at is now the last rung the user sent (state.sent), a rung id:
  // cases.current_rung holds the ladder INDEX (repo.saveCase), which differs by scenario and by
  // whether the police rung applies, so "2" named no rung. A case closed before any rung was sent
  // is counted without a rung (in the totals, at no rung); counters already folded under an index
  // are merged into the no-rung row.
  `
  DROP TRIGGER closed_outcomes_copy;
  CREATE TRIGGER closed_outcomes_copy AFTER UPDATE OF status ON cases
    WHEN NEW.status = 'closed' AND OLD.status IS NOT 'closed' AND NEW.outcome IS NOT NULL
  BEGIN
    INSERT INTO closed_outcomes (merchant, platform, outcome, refunded, rung)
    VALUES (json_extract(NEW.facts, '$.merchant'), json_extract(NEW.facts, '$.platform'), NEW.outcome, NEW.refunded_amount,
      CASE WHEN json_valid(NEW.state) THEN json_extract(NEW.state, '$.sent[#-1]') END);
  END;
  -- Queued rows still holding an index: no rung.
  UPDATE closed_outcomes SET rung = NULL WHERE rung GLOB '[0-9]*';
  INSERT INTO merchant_outcomes (key, outcome, rung, n, refunded)
    SELECT key, outcome, '', sum(n), sum(refunded) FROM merchant_outcomes WHERE rung GLOB '[0-9]*' GROUP BY key, outcome
    ON CONFLICT (key, outcome, rung) DO UPDATE SET n = n + excluded.n, refunded = refunded + excluded.refunded;
  DELETE FROM merchant_outcomes WHERE rung GLOB '[0-9]*';
  CREATE TABLE platform_outcomes (
    key TEXT NOT NULL,
    outcome TEXT NOT NULL,
    rung TEXT NOT NULL DEFAULT '',
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, outcome, rung)
  ) WITHOUT ROWID;
  `,
  // 10 — collective-complaint notices written in bounded batches (issue 14 item 1): a join queues one
  // job (the group's keys and the counts at that moment); the join's own turn and a background job
  // write at most a batch of notices per step, one per earlier consenter, resuming after the last user.
  `
  CREATE TABLE collective_notices (
    id INTEGER PRIMARY KEY,
    keys TEXT NOT NULL,
    merchant TEXT NOT NULL,
    joiner INTEGER REFERENCES users(id) ON DELETE SET NULL,
    total INTEGER NOT NULL,
    agreed INTEGER NOT NULL,
    after_user INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  `,
  // 11 — open cases counted by merchant identity (issue 16 build item 7): a case whose merchant text
  // names a record exactly is keyed m:<id> (src/community/blacklist.ts caseKey); every case already
  // keyed is keyed again at the next start-up.
  `
  INSERT OR IGNORE INTO case_keys_dirty (case_id) SELECT DISTINCT case_id FROM case_keys;
  `,
  // 12 — deleting a user nulls its queued collective notices through an index, not a scan.
  `
  CREATE INDEX collective_notices_joiner ON collective_notices (joiner);
  `,
  // 13 — one per-chat outbox index instead of two (engine speed): outbox_chat (platform, chat_id) and
  // the partial outbox_unsent_chat (platform, chat_id, id) meant two random index pages written for
  // every outbox row. One index keyed (platform, chat_id, status, id) serves both: 删除我的数据 and
  // markUnreachable by its prefix, and the per-chat order checks (status IN ('pending', 'sending')
  // AND id < ?) by seeking the two unsent statuses, so sent rows of the chat are never walked.
  `
  DROP INDEX IF EXISTS outbox_unsent_chat;
  DROP INDEX IF EXISTS outbox_chat;
  CREATE INDEX outbox_chat ON outbox(platform, chat_id, status, id);
  `,
];

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return migrations.length;
}
