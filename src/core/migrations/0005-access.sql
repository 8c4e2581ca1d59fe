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

-- A consent is never removed or rewritten: it can only be revoked, once.
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE (ABORT, 'consent history is kept'); END;
CREATE TRIGGER consents_revoke_only BEFORE UPDATE ON consents
WHEN old.revoked_on IS NOT NULL OR new.revoked_on IS NULL
  OR new.participant_id IS NOT old.participant_id OR new.recipient IS NOT old.recipient
  OR new.purpose IS NOT old.purpose OR new.scope IS NOT old.scope
  OR new.signed_on IS NOT old.signed_on OR new.expires_on IS NOT old.expires_on
  OR new.recorded_by IS NOT old.recorded_by OR new.revoked_on < old.signed_on
BEGIN SELECT RAISE (ABORT, 'consent history is kept'); END;
CREATE INDEX disclosures_consent ON disclosures (consent_id);
