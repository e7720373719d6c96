-- Today lists the sessions whose notes are not finalised yet: a handful
-- among ten years of sessions. This index holds only those, so the list
-- is read without scanning every session.
CREATE INDEX sessions_unfinalised ON sessions (date, time) WHERE finalised_at = '';
