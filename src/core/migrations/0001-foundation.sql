-- Circle schema, migration 1: staff, participants, groups, enrollments, settings, audit log.
-- Dates are ISO 8601 text (YYYY-MM-DD), times HH:MM, timestamps UTC YYYY-MM-DDTHH:MM:SSZ.

CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) > 0),
  full_name     TEXT NOT NULL CHECK (length(full_name) > 0),
  role          TEXT NOT NULL CHECK (role IN ('counselor', 'supervisor', 'administrator')),
  credentials   TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE participants (
  id                      INTEGER PRIMARY KEY,
  record_number           TEXT NOT NULL UNIQUE CHECK (length(record_number) > 0),
  first_name              TEXT NOT NULL CHECK (length(first_name) > 0),
  last_name               TEXT NOT NULL CHECK (length(last_name) > 0),
  preferred_name          TEXT NOT NULL DEFAULT '',
  pronouns                TEXT NOT NULL DEFAULT '',
  date_of_birth           TEXT,
  primary_language        TEXT NOT NULL DEFAULT '',
  level_of_care           TEXT NOT NULL CHECK (level_of_care IN ('adult-iop', 'adolescent-iop', 'php')),
  admission_date          TEXT NOT NULL,
  discharge_date          TEXT,
  discharge_reason        TEXT NOT NULL DEFAULT '',
  status                  TEXT NOT NULL DEFAULT 'active'
                          CHECK (status IN ('active', 'on-hold', 'discharged')),
  primary_counselor_id    INTEGER REFERENCES staff (id),
  diagnoses               TEXT NOT NULL DEFAULT '',
  co_occurring            INTEGER NOT NULL DEFAULT 0 CHECK (co_occurring IN (0, 1)),
  phone                   TEXT NOT NULL DEFAULT '',
  email                   TEXT NOT NULL DEFAULT '',
  address                 TEXT NOT NULL DEFAULT '',
  emergency_name          TEXT NOT NULL DEFAULT '',
  emergency_phone         TEXT NOT NULL DEFAULT '',
  emergency_relationship  TEXT NOT NULL DEFAULT '',
  CHECK (discharge_date IS NULL OR discharge_date >= admission_date)
);
CREATE INDEX participants_counselor ON participants (primary_counselor_id);
-- Covers the list order and the discharged flag, so a list of everyone reads only this index.
CREATE INDEX participants_sort ON participants (last_name COLLATE NOCASE, first_name COLLATE NOCASE, status);

-- Search: names, preferred name and record number, accents folded.
CREATE VIRTUAL TABLE participants_fts USING fts5 (
  record_number, first_name, last_name, preferred_name,
  content = 'participants', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE TRIGGER participants_fts_insert AFTER INSERT ON participants BEGIN
  INSERT INTO participants_fts (rowid, record_number, first_name, last_name, preferred_name)
  VALUES (new.id, new.record_number, new.first_name, new.last_name, new.preferred_name);
END;
CREATE TRIGGER participants_fts_delete AFTER DELETE ON participants BEGIN
  INSERT INTO participants_fts (participants_fts, rowid, record_number, first_name, last_name, preferred_name)
  VALUES ('delete', old.id, old.record_number, old.first_name, old.last_name, old.preferred_name);
END;
CREATE TRIGGER participants_fts_update AFTER UPDATE OF record_number, first_name, last_name, preferred_name
ON participants BEGIN
  INSERT INTO participants_fts (participants_fts, rowid, record_number, first_name, last_name, preferred_name)
  VALUES ('delete', old.id, old.record_number, old.first_name, old.last_name, old.preferred_name);
  INSERT INTO participants_fts (rowid, record_number, first_name, last_name, preferred_name)
  VALUES (new.id, new.record_number, new.first_name, new.last_name, new.preferred_name);
END;

CREATE TABLE groups (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL CHECK (length(name) > 0),
  type                TEXT NOT NULL CHECK (type IN ('process', 'psychoeducation', 'skills', 'cbt',
                        'motivational-interviewing', 'relapse-prevention', 'mindfulness',
                        'trauma-focused', 'dual-diagnosis', 'family', 'other')),
  enrollment          TEXT NOT NULL DEFAULT 'open' CHECK (enrollment IN ('open', 'closed')),
  min_size            INTEGER NOT NULL DEFAULT 5,
  max_size            INTEGER NOT NULL DEFAULT 15,
  weekdays            INTEGER NOT NULL DEFAULT 0 CHECK (weekdays BETWEEN 0 AND 127),
  start_time          TEXT NOT NULL DEFAULT '09:00',
  duration_minutes    INTEGER NOT NULL DEFAULT 180 CHECK (duration_minutes > 0),
  location            TEXT NOT NULL DEFAULT '',
  facilitator_id      INTEGER REFERENCES staff (id),
  co_facilitator_id   INTEGER REFERENCES staff (id),
  start_date          TEXT NOT NULL,
  end_date            TEXT,
  archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  CHECK (min_size >= 1 AND max_size >= min_size),
  CHECK (end_date IS NULL OR end_date >= start_date)
);

-- Enrollment history is kept, never overwritten: a member who leaves gets a left date,
-- a member who comes back gets a new row.
CREATE TABLE enrollments (
  id                  INTEGER PRIMARY KEY,
  participant_id      INTEGER NOT NULL REFERENCES participants (id),
  group_id            INTEGER NOT NULL REFERENCES groups (id),
  joined              TEXT NOT NULL,
  left_on             TEXT,
  reason              TEXT NOT NULL DEFAULT '',
  capacity_override   INTEGER NOT NULL DEFAULT 0 CHECK (capacity_override IN (0, 1)),
  closed_override     INTEGER NOT NULL DEFAULT 0 CHECK (closed_override IN (0, 1)),
  created_by          INTEGER REFERENCES staff (id),
  CHECK (left_on IS NULL OR left_on >= joined)
);
CREATE INDEX enrollments_group ON enrollments (group_id, joined);
CREATE INDEX enrollments_participant ON enrollments (participant_id, joined);
CREATE TRIGGER enrollments_keep_history BEFORE DELETE ON enrollments BEGIN
  SELECT RAISE (ABORT, 'enrollment history is kept');
END;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

-- Append-only, hash-chained audit log.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  staff_id    INTEGER REFERENCES staff (id),
  action      TEXT NOT NULL,
  kind        TEXT NOT NULL,
  record_id   INTEGER,
  participant_id INTEGER,
  detail      TEXT NOT NULL DEFAULT '',
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE INDEX audit_log_participant ON audit_log (participant_id);
CREATE INDEX audit_log_staff ON audit_log (staff_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
