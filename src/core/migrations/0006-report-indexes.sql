-- Circle schema, migration 6: indexes for the group dynamics and program reports.
--
-- The per-group and per-participant report queries already start from existing
-- indexes (sessions' UNIQUE (group_id, date, start_time), attendance's primary key
-- and attendance_participant, enrollments_group, measures_participant, the plans'
-- UNIQUE (participant_id, version), progress_entries_goal). The program report
-- reads every participant's PHQ-9, GAD-7 and BAM scores in a date range; without
-- this index it would read every measure ever recorded.

CREATE INDEX measures_instrument_date ON measures (instrument, date);
