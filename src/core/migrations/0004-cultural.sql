-- Circle schema, migration 4: cultural profiles and cultural-responsiveness notes.
-- Preferred name, pronouns and primary language live on the participant, not here.

-- One profile per participant; its row existing means the profile was started.
-- Weekday masks use the groups' convention: bit 0 Monday … bit 6 Sunday.
CREATE TABLE cultural_profiles (
  participant_id          INTEGER PRIMARY KEY REFERENCES participants (id),
  interpreter_needed      INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
  interpreter_arranged    INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_arranged IN (0, 1)),
  interpreter_details     TEXT NOT NULL DEFAULT '',
  communication           TEXT NOT NULL DEFAULT '',
  identity                TEXT NOT NULL DEFAULT '',
  family_roles            TEXT NOT NULL DEFAULT '',
  beliefs                 TEXT NOT NULL DEFAULT '',
  spirituality            TEXT NOT NULL DEFAULT '',
  stigma_concerns         TEXT NOT NULL DEFAULT '',
  observances             TEXT NOT NULL DEFAULT '',
  observance_weekdays     INTEGER NOT NULL DEFAULT 0 CHECK (observance_weekdays BETWEEN 0 AND 127),
  -- Optional time of day (HH:MM); without it the observance takes the whole day.
  observance_start        TEXT CHECK (observance_start IS NULL OR length(observance_start) = 5),
  observance_end          TEXT CHECK (observance_end IS NULL OR length(observance_end) = 5),
  dietary_needs           TEXT NOT NULL DEFAULT '',
  accessibility           TEXT NOT NULL DEFAULT '',
  respected_in_group      TEXT NOT NULL DEFAULT '',
  created_at              TEXT NOT NULL,
  created_by              INTEGER REFERENCES staff (id),
  updated_at              TEXT NOT NULL,
  updated_by              INTEGER REFERENCES staff (id),
  reviewed_on             TEXT NOT NULL,
  reviewed_by             INTEGER REFERENCES staff (id),
  CHECK (interpreter_arranged = 0 OR interpreter_needed = 1),
  CHECK ((observance_start IS NULL) = (observance_end IS NULL))
);
CREATE INDEX cultural_profiles_reviewed ON cultural_profiles (reviewed_on);

-- The four domains of the DSM-5 Cultural Formulation Interview, in the participant's words:
-- 1 cultural definition of the problem; 2 perceptions of cause, context and support;
-- 3 factors affecting self-coping and past help seeking; 4 factors affecting current help seeking.
CREATE TABLE cfi_answers (
  participant_id  INTEGER NOT NULL REFERENCES participants (id),
  domain          INTEGER NOT NULL CHECK (domain BETWEEN 1 AND 4),
  answer          TEXT NOT NULL CHECK (length(answer) > 0),
  recorded_on     TEXT NOT NULL,
  recorded_by     INTEGER REFERENCES staff (id),
  PRIMARY KEY (participant_id, domain)
) WITHOUT ROWID;

CREATE TABLE cultural_notes (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER REFERENCES participants (id),
  group_id        INTEGER REFERENCES groups (id),
  date            TEXT NOT NULL,
  author_id       INTEGER REFERENCES staff (id),
  kind            TEXT NOT NULL DEFAULT 'observation'
                  CHECK (kind IN ('observation', 'adaptation', 'reflection')),
  text            TEXT NOT NULL CHECK (length(text) > 0),
  -- How an adaptation worked, or what came of an observation.
  outcome         TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  signed_at       TEXT,
  signed_by       INTEGER REFERENCES staff (id),
  CHECK ((participant_id IS NULL) <> (group_id IS NULL)),
  CHECK ((signed_at IS NULL) = (signed_by IS NULL))
);
CREATE INDEX cultural_notes_participant ON cultural_notes (participant_id, date);
CREATE INDEX cultural_notes_group ON cultural_notes (group_id, date);
CREATE INDEX cultural_notes_date ON cultural_notes (date);

CREATE TABLE cultural_note_addenda (
  id              INTEGER PRIMARY KEY,
  note_id         INTEGER NOT NULL REFERENCES cultural_notes (id),
  author_id       INTEGER REFERENCES staff (id),
  created_at      TEXT NOT NULL,
  text            TEXT NOT NULL CHECK (length(text) > 0)
);
CREATE INDEX cultural_note_addenda_note ON cultural_note_addenda (note_id, id);

-- A signed note is permanent: the database itself refuses to change or remove it.
CREATE TRIGGER cultural_notes_locked BEFORE UPDATE ON cultural_notes
WHEN old.signed_at IS NOT NULL
BEGIN SELECT RAISE (ABORT, 'signed notes are locked'); END;
CREATE TRIGGER cultural_notes_no_delete BEFORE DELETE ON cultural_notes
WHEN old.signed_at IS NOT NULL
BEGIN SELECT RAISE (ABORT, 'signed notes are locked'); END;
-- An unsigned note is simply edited; addenda follow signing.
CREATE TRIGGER cultural_note_addenda_signed_only BEFORE INSERT ON cultural_note_addenda
WHEN (SELECT signed_at FROM cultural_notes WHERE id = new.note_id) IS NULL
BEGIN SELECT RAISE (ABORT, 'addenda are only for signed notes'); END;
CREATE TRIGGER cultural_note_addenda_no_update BEFORE UPDATE ON cultural_note_addenda
BEGIN SELECT RAISE (ABORT, 'addenda are permanent'); END;
CREATE TRIGGER cultural_note_addenda_no_delete BEFORE DELETE ON cultural_note_addenda
BEGIN SELECT RAISE (ABORT, 'addenda are permanent'); END;
