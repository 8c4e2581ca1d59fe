-- Circle schema, migration 3: treatment plans, goals, progress, measures.

CREATE TABLE treatment_plans (
  id                  INTEGER PRIMARY KEY,
  participant_id      INTEGER NOT NULL REFERENCES participants (id),
  version             INTEGER NOT NULL CHECK (version >= 1),
  state               TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'active', 'superseded')),
  created_at          TEXT NOT NULL,
  created_by          INTEGER REFERENCES staff (id),
  effective_date      TEXT,
  review_due          TEXT,
  signed_by           INTEGER REFERENCES staff (id),
  signed_at           TEXT,
  participant_agreed  INTEGER NOT NULL DEFAULT 0 CHECK (participant_agreed IN (0, 1)),
  agreement_note      TEXT NOT NULL DEFAULT '',
  supersedes_id       INTEGER REFERENCES treatment_plans (id),
  UNIQUE (participant_id, version)
);
CREATE INDEX treatment_plans_review ON treatment_plans (state, review_due);

CREATE TABLE problems (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES treatment_plans (id),
  position        INTEGER NOT NULL,
  description     TEXT NOT NULL CHECK (length(description) > 0),
  life_area       TEXT NOT NULL DEFAULT '',
  asam_dimension  INTEGER CHECK (asam_dimension BETWEEN 1 AND 6)
);
CREATE INDEX problems_plan ON problems (plan_id, position);

CREATE TABLE goals (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES treatment_plans (id),
  problem_id      INTEGER REFERENCES problems (id),
  position        INTEGER NOT NULL,
  own_words       TEXT NOT NULL DEFAULT '',
  statement       TEXT NOT NULL CHECK (length(statement) > 0),
  target_date     TEXT,
  status          TEXT NOT NULL DEFAULT 'active'
                  CHECK (status IN ('active', 'met', 'partially-met', 'not-met', 'discontinued')),
  -- the same goal in the previous plan version, so progress reads across versions
  carried_from_id INTEGER REFERENCES goals (id)
);
CREATE INDEX goals_plan ON goals (plan_id, position);

CREATE TABLE objectives (
  id              INTEGER PRIMARY KEY,
  goal_id         INTEGER NOT NULL REFERENCES goals (id),
  position        INTEGER NOT NULL,
  statement       TEXT NOT NULL CHECK (length(statement) > 0),
  target_date     TEXT,
  status          TEXT NOT NULL DEFAULT 'active'
                  CHECK (status IN ('active', 'met', 'partially-met', 'not-met', 'discontinued')),
  carried_from_id INTEGER REFERENCES objectives (id)
);
CREATE INDEX objectives_goal ON objectives (goal_id, position);

CREATE TABLE interventions (
  id              INTEGER PRIMARY KEY,
  objective_id    INTEGER NOT NULL REFERENCES objectives (id),
  position        INTEGER NOT NULL,
  description     TEXT NOT NULL CHECK (length(description) > 0),
  responsible     TEXT NOT NULL DEFAULT '',
  frequency       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interventions_objective ON interventions (objective_id, position);

CREATE TABLE progress_entries (
  id              INTEGER PRIMARY KEY,
  goal_id         INTEGER NOT NULL REFERENCES goals (id),
  objective_id    INTEGER REFERENCES objectives (id),
  date            TEXT NOT NULL,
  rating          INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
  note            TEXT NOT NULL DEFAULT '',
  author_id       INTEGER REFERENCES staff (id),
  session_id      INTEGER REFERENCES sessions (id)
);
CREATE INDEX progress_entries_goal ON progress_entries (goal_id, date);
CREATE INDEX progress_entries_session ON progress_entries (session_id);

-- Signed plans are immutable: once a plan leaves draft, its content may not change;
-- only its state may move from active to superseded.
CREATE TRIGGER treatment_plans_locked BEFORE UPDATE ON treatment_plans
WHEN old.state <> 'draft' AND (
  new.participant_id IS NOT old.participant_id OR new.version IS NOT old.version
  OR new.effective_date IS NOT old.effective_date OR new.review_due IS NOT old.review_due
  OR new.signed_by IS NOT old.signed_by OR new.signed_at IS NOT old.signed_at
  OR new.participant_agreed IS NOT old.participant_agreed
  OR new.agreement_note IS NOT old.agreement_note OR new.supersedes_id IS NOT old.supersedes_id
  OR NOT (new.state = old.state OR (old.state = 'active' AND new.state = 'superseded')))
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER treatment_plans_no_delete BEFORE DELETE ON treatment_plans
WHEN old.state <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER problems_locked_insert BEFORE INSERT ON problems
WHEN (SELECT state FROM treatment_plans WHERE id = new.plan_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER problems_locked_update BEFORE UPDATE ON problems
WHEN (SELECT state FROM treatment_plans WHERE id = old.plan_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER problems_locked_delete BEFORE DELETE ON problems
WHEN (SELECT state FROM treatment_plans WHERE id = old.plan_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER goals_locked_insert BEFORE INSERT ON goals
WHEN (SELECT state FROM treatment_plans WHERE id = new.plan_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER goals_locked_update BEFORE UPDATE ON goals
WHEN (SELECT state FROM treatment_plans WHERE id = old.plan_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER goals_locked_delete BEFORE DELETE ON goals
WHEN (SELECT state FROM treatment_plans WHERE id = old.plan_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER objectives_locked_insert BEFORE INSERT ON objectives
WHEN (SELECT p.state FROM goals g JOIN treatment_plans p ON p.id = g.plan_id WHERE g.id = new.goal_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER objectives_locked_update BEFORE UPDATE ON objectives
WHEN (SELECT p.state FROM goals g JOIN treatment_plans p ON p.id = g.plan_id WHERE g.id = old.goal_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER objectives_locked_delete BEFORE DELETE ON objectives
WHEN (SELECT p.state FROM goals g JOIN treatment_plans p ON p.id = g.plan_id WHERE g.id = old.goal_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER interventions_locked_insert BEFORE INSERT ON interventions
WHEN (SELECT p.state FROM objectives o JOIN goals g ON g.id = o.goal_id
      JOIN treatment_plans p ON p.id = g.plan_id WHERE o.id = new.objective_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER interventions_locked_update BEFORE UPDATE ON interventions
WHEN (SELECT p.state FROM objectives o JOIN goals g ON g.id = o.goal_id
      JOIN treatment_plans p ON p.id = g.plan_id WHERE o.id = old.objective_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;
CREATE TRIGGER interventions_locked_delete BEFORE DELETE ON interventions
WHEN (SELECT p.state FROM objectives o JOIN goals g ON g.id = o.goal_id
      JOIN treatment_plans p ON p.id = g.plan_id WHERE o.id = old.objective_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'signed plans are locked'); END;

-- Measures: one row per administration, answers item by item.
CREATE TABLE measures (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participants (id),
  instrument      TEXT NOT NULL,
  date            TEXT NOT NULL,
  complete        INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0, 1)),
  total           INTEGER,
  severity        TEXT NOT NULL DEFAULT '',
  subscores       TEXT NOT NULL DEFAULT '',
  safety_flag     INTEGER NOT NULL DEFAULT 0 CHECK (safety_flag IN (0, 1)),
  safety_ack_by   INTEGER REFERENCES staff (id),
  safety_ack_at   TEXT,
  entered_by      INTEGER REFERENCES staff (id),
  session_id      INTEGER REFERENCES sessions (id)
);
CREATE INDEX measures_participant ON measures (participant_id, instrument, date);

CREATE TABLE measure_answers (
  measure_id      INTEGER NOT NULL REFERENCES measures (id),
  item            INTEGER NOT NULL CHECK (item >= 1),
  value           INTEGER NOT NULL,
  PRIMARY KEY (measure_id, item)
) WITHOUT ROWID;

-- One draft and one active version per participant at a time.
CREATE UNIQUE INDEX treatment_plans_one_draft ON treatment_plans (participant_id) WHERE state = 'draft';
CREATE UNIQUE INDEX treatment_plans_one_active ON treatment_plans (participant_id) WHERE state = 'active';
CREATE INDEX goals_carried_from ON goals (carried_from_id);

-- A recorded measure is part of the permanent record: its answers and scores never
-- change; only a safety flag's acknowledgment is written, once.
CREATE TRIGGER measures_permanent BEFORE UPDATE ON measures
WHEN new.participant_id IS NOT old.participant_id OR new.instrument IS NOT old.instrument
  OR new.date IS NOT old.date OR new.complete IS NOT old.complete OR new.total IS NOT old.total
  OR new.severity IS NOT old.severity OR new.subscores IS NOT old.subscores
  OR new.safety_flag IS NOT old.safety_flag OR new.entered_by IS NOT old.entered_by
  OR new.session_id IS NOT old.session_id
  OR (old.safety_ack_at IS NOT NULL AND (new.safety_ack_at IS NOT old.safety_ack_at
                                         OR new.safety_ack_by IS NOT old.safety_ack_by))
BEGIN SELECT RAISE (ABORT, 'measures are permanent'); END;
CREATE TRIGGER measures_no_delete BEFORE DELETE ON measures
BEGIN SELECT RAISE (ABORT, 'measures are permanent'); END;
CREATE TRIGGER measure_answers_no_update BEFORE UPDATE ON measure_answers
BEGIN SELECT RAISE (ABORT, 'measures are permanent'); END;
CREATE TRIGGER measure_answers_no_delete BEFORE DELETE ON measure_answers
BEGIN SELECT RAISE (ABORT, 'measures are permanent'); END;
