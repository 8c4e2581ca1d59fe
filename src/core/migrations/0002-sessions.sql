-- Circle schema, migration 2: sessions, attendance, notes, addenda, reviews, climate.

CREATE TABLE sessions (
  id                  INTEGER PRIMARY KEY,
  group_id            INTEGER NOT NULL REFERENCES groups (id),
  date                TEXT NOT NULL,
  start_time          TEXT NOT NULL,
  duration_minutes    INTEGER NOT NULL CHECK (duration_minutes > 0),
  topic               TEXT NOT NULL DEFAULT '',
  facilitator_id      INTEGER REFERENCES staff (id),
  co_facilitator_id   INTEGER REFERENCES staff (id),
  location            TEXT NOT NULL DEFAULT '',
  state               TEXT NOT NULL DEFAULT 'scheduled'
                      CHECK (state IN ('scheduled', 'draft', 'signed', 'cosigned', 'cancelled')),
  cancel_reason       TEXT NOT NULL DEFAULT '',
  one_off             INTEGER NOT NULL DEFAULT 0 CHECK (one_off IN (0, 1)),
  -- the shared group note
  interventions       TEXT NOT NULL DEFAULT '',
  group_process       TEXT NOT NULL DEFAULT '',
  -- group climate, rated by the facilitator with the note (0-6 each, NULL when not rated)
  climate_cohesion    INTEGER CHECK (climate_cohesion BETWEEN 0 AND 6),
  climate_engagement  INTEGER CHECK (climate_engagement BETWEEN 0 AND 6),
  climate_avoidance   INTEGER CHECK (climate_avoidance BETWEEN 0 AND 6),
  climate_conflict    INTEGER CHECK (climate_conflict BETWEEN 0 AND 6),
  signed_by           INTEGER REFERENCES staff (id),
  signed_at           TEXT,
  cosigned_by         INTEGER REFERENCES staff (id),
  cosigned_at         TEXT,
  UNIQUE (group_id, date, start_time)
);
CREATE INDEX sessions_date ON sessions (date);
CREATE INDEX sessions_state ON sessions (state, date);

CREATE TABLE attendance (
  session_id      INTEGER NOT NULL REFERENCES sessions (id),
  participant_id  INTEGER NOT NULL REFERENCES participants (id),
  status          TEXT CHECK (status IN ('present', 'late', 'left-early', 'absent', 'excused')),
  minutes         INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  participation   INTEGER CHECK (participation BETWEEN 0 AND 4),
  PRIMARY KEY (session_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX attendance_participant ON attendance (participant_id, session_id);

CREATE TABLE member_notes (
  session_id      INTEGER NOT NULL REFERENCES sessions (id),
  participant_id  INTEGER NOT NULL REFERENCES participants (id),
  presentation    TEXT NOT NULL DEFAULT '',
  participation   TEXT NOT NULL DEFAULT '',
  response        TEXT NOT NULL DEFAULT '',
  progress        TEXT NOT NULL DEFAULT '',
  plan            TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (session_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX member_notes_participant ON member_notes (participant_id);

-- Member ratings of a session when it ends (0-10 each).
CREATE TABLE session_ratings (
  session_id      INTEGER NOT NULL REFERENCES sessions (id),
  participant_id  INTEGER NOT NULL REFERENCES participants (id),
  relationship    INTEGER CHECK (relationship BETWEEN 0 AND 10),
  goals_topics    INTEGER CHECK (goals_topics BETWEEN 0 AND 10),
  approach        INTEGER CHECK (approach BETWEEN 0 AND 10),
  overall         INTEGER CHECK (overall BETWEEN 0 AND 10),
  PRIMARY KEY (session_id, participant_id)
) WITHOUT ROWID;

CREATE TABLE session_addenda (
  id              INTEGER PRIMARY KEY,
  session_id      INTEGER NOT NULL REFERENCES sessions (id),
  participant_id  INTEGER REFERENCES participants (id),
  author_id       INTEGER REFERENCES staff (id),
  created_at      TEXT NOT NULL,
  text            TEXT NOT NULL CHECK (length(text) > 0)
);
CREATE INDEX session_addenda_session ON session_addenda (session_id);

CREATE TABLE session_reviews (
  id              INTEGER PRIMARY KEY,
  session_id      INTEGER NOT NULL REFERENCES sessions (id),
  reviewer_id     INTEGER REFERENCES staff (id),
  at              TEXT NOT NULL,
  action          TEXT NOT NULL CHECK (action IN ('cosign', 'return')),
  comment         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_reviews_session ON session_reviews (session_id);

-- Signed notes are immutable. A signed session may only move to co-signed (with who and
-- when), or back to draft when a supervisor's return is on record in session_reviews;
-- nothing else in it may change. A co-signed session never changes. Its attendance,
-- member notes and ratings may not change at all.
CREATE TRIGGER sessions_signed_locked BEFORE UPDATE ON sessions
WHEN old.state IN ('signed', 'cosigned') AND (
  old.state = 'cosigned'
  OR new.group_id IS NOT old.group_id OR new.date IS NOT old.date
  OR new.start_time IS NOT old.start_time OR new.duration_minutes IS NOT old.duration_minutes
  OR new.topic IS NOT old.topic OR new.facilitator_id IS NOT old.facilitator_id
  OR new.co_facilitator_id IS NOT old.co_facilitator_id OR new.location IS NOT old.location
  OR new.cancel_reason IS NOT old.cancel_reason OR new.one_off IS NOT old.one_off
  OR new.interventions IS NOT old.interventions OR new.group_process IS NOT old.group_process
  OR new.climate_cohesion IS NOT old.climate_cohesion
  OR new.climate_engagement IS NOT old.climate_engagement
  OR new.climate_avoidance IS NOT old.climate_avoidance
  OR new.climate_conflict IS NOT old.climate_conflict
  OR new.state NOT IN ('signed', 'cosigned', 'draft')
  OR (new.state <> 'draft' AND (new.signed_by IS NOT old.signed_by OR new.signed_at IS NOT old.signed_at))
  OR (new.state = 'signed' AND (new.cosigned_by IS NOT old.cosigned_by OR new.cosigned_at IS NOT old.cosigned_at))
  OR (new.state = 'cosigned' AND (new.cosigned_by IS NULL OR new.cosigned_at IS NULL))
  OR (new.state = 'draft' AND NOT EXISTS (
        SELECT 1 FROM session_reviews r
        WHERE r.session_id = old.id AND r.action = 'return' AND r.at >= old.signed_at)))
BEGIN
  SELECT RAISE (ABORT, 'signed notes are locked');
END;
CREATE TRIGGER sessions_signed_no_delete BEFORE DELETE ON sessions
WHEN old.state IN ('signed', 'cosigned')
BEGIN
  SELECT RAISE (ABORT, 'signed notes are locked');
END;

CREATE TRIGGER attendance_locked_insert BEFORE INSERT ON attendance
WHEN (SELECT state FROM sessions WHERE id = new.session_id) IN ('signed', 'cosigned')
BEGIN SELECT RAISE (ABORT, 'signed notes are locked'); END;
CREATE TRIGGER attendance_locked_update BEFORE UPDATE ON attendance
WHEN (SELECT state FROM sessions WHERE id = old.session_id) IN ('signed', 'cosigned')
BEGIN SELECT RAISE (ABORT, 'signed notes are locked'); END;
CREATE TRIGGER attendance_locked_delete BEFORE DELETE ON attendance
WHEN (SELECT state FROM sessions WHERE id = old.session_id) IN ('signed', 'cosigned')
BEGIN SELECT RAISE (ABORT, 'signed notes are locked'); END;

CREATE TRIGGER member_notes_locked_insert BEFORE INSERT ON member_notes
WHEN (SELECT state FROM sessions WHERE id = new.session_id) IN ('signed', 'cosigned')
BEGIN SELECT RAISE (ABORT, 'signed notes are locked'); END;
CREATE TRIGGER member_notes_locked_update BEFORE UPDATE ON member_notes
WHEN (SELECT state FROM sessions WHERE id = old.session_id) IN ('signed', 'cosigned')
BEGIN SELECT RAISE (ABORT, 'signed notes are locked'); END;
CREATE TRIGGER member_notes_locked_delete BEFORE DELETE ON member_notes
WHEN (SELECT state FROM sessions WHERE id = old.session_id) IN ('signed', 'cosigned')
BEGIN SELECT RAISE (ABORT, 'signed notes are locked'); END;

CREATE TRIGGER session_addenda_no_update BEFORE UPDATE ON session_addenda
BEGIN SELECT RAISE (ABORT, 'addenda are permanent'); END;
CREATE TRIGGER session_addenda_no_delete BEFORE DELETE ON session_addenda
BEGIN SELECT RAISE (ABORT, 'addenda are permanent'); END;
CREATE TRIGGER session_reviews_no_update BEFORE UPDATE ON session_reviews
BEGIN SELECT RAISE (ABORT, 'reviews are permanent'); END;
CREATE TRIGGER session_reviews_no_delete BEFORE DELETE ON session_reviews
BEGIN SELECT RAISE (ABORT, 'reviews are permanent'); END;
