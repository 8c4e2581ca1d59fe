-- Circle schema, migration 5: consents and disclosures (42 CFR Part 2).

CREATE TABLE consents (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participants (id),
  recipient       TEXT NOT NULL CHECK (length(recipient) > 0),
  purpose         TEXT NOT NULL CHECK (length(purpose) > 0),
  scope           TEXT NOT NULL CHECK (length(scope) > 0),
  signed_on       TEXT NOT NULL,
  expires_on      TEXT,
  revoked_on      TEXT,
  recorded_by     INTEGER REFERENCES staff (id),
  CHECK (expires_on IS NULL OR expires_on >= signed_on)
);
CREATE INDEX consents_participant ON consents (participant_id);

CREATE TABLE disclosures (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participants (id),
  consent_id      INTEGER NOT NULL REFERENCES consents (id),
  recipient       TEXT NOT NULL,
  what            TEXT NOT NULL,
  at              TEXT NOT NULL,
  staff_id        INTEGER REFERENCES staff (id)
);
CREATE INDEX disclosures_participant ON disclosures (participant_id, at);
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
BEGIN SELECT RAISE (ABORT, 'the disclosure history is permanent'); END;
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
BEGIN SELECT RAISE (ABORT, 'the disclosure history is permanent'); END;
