-- The query workload that measures encryption's cost: the same statements
-- run on the SQLCipher vault (BenchmarkQueryWorkload in backend/storage)
-- and on an unencrypted copy (this folder's sqlbench). They read, never
-- write, and stand for what the app asks while a therapist works: the
-- client list, a client's record and journey, the practice-wide search, a
-- client's history, and whole-table reads that touch every page.
-- Each statement ends with ';' at the end of a line.

-- The client list.
SELECT id, chosen_name, pronouns, status, updated_at, archived_at IS NOT NULL FROM clients
WHERE archived_at IS NULL
ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, names_folded, id;

-- Twenty clients' records: sessions, plan with each item's latest wording, shifts with their session.
SELECT * FROM sessions WHERE client_id IN (SELECT id FROM clients ORDER BY id LIMIT 20) ORDER BY client_id, date, time;
SELECT p.*, (SELECT text FROM plan_revisions r WHERE r.item_id = p.id ORDER BY r.id DESC LIMIT 1)
FROM plan_items p WHERE p.client_id IN (SELECT id FROM clients ORDER BY id LIMIT 20) ORDER BY p.client_id, p.kind, p.position;
SELECT sh.id, sh.client_id, sh.session_id, sh.noticed_on, s.date, sh.area, sh.description, sh.just_noticing, sh.intensity
FROM shifts sh JOIN sessions s ON s.id = sh.session_id
WHERE sh.client_id IN (SELECT id FROM clients ORDER BY id LIMIT 20) ORDER BY sh.client_id, sh.noticed_on, sh.id;
SELECT * FROM agreement_versions WHERE agreement_id IN (SELECT id FROM agreements WHERE client_id IN (SELECT id FROM clients ORDER BY id LIMIT 20));
SELECT * FROM patterns WHERE client_id IN (SELECT id FROM clients ORDER BY id LIMIT 20);

-- The practice-wide search, as the app asks it (one kind at a time).
SELECT rowid, client_id, rank FROM search_index WHERE search_index MATCH 'body : ("walk"*) AND kind : "kindshift"' ORDER BY rowid;
SELECT rowid, client_id, rank FROM search_index WHERE search_index MATCH 'body : ("sister"*) AND kind : "kindsession"' ORDER BY rowid;
SELECT rowid, client_id, rank FROM search_index WHERE search_index MATCH 'body : ("breath"*) AND kind : "kindplan"' ORDER BY rowid;
SELECT rowid, client_id, rank FROM search_index WHERE search_index MATCH 'body : ("sh"*) AND kind : "kindshift"' ORDER BY rowid LIMIT 51;
SELECT rowid, client_id, rank FROM search_index WHERE search_index MATCH 'body : ("feet"* AND "floor"*) AND kind : "kindshift"' ORDER BY rowid;

-- A client's history, newest first.
SELECT * FROM history WHERE client_id IN (SELECT id FROM clients ORDER BY id LIMIT 20) ORDER BY client_id, id DESC;

-- Whole-table reads: every page of the largest tables.
SELECT area, count(*), sum(length(description)), avg(intensity) FROM shifts GROUP BY area;
SELECT kind, substr(date, 1, 4), count(*), sum(length(summary) + length(private_notes)) FROM sessions GROUP BY 1, 2;
SELECT entity, count(*), sum(length(before) + length(after)) FROM history GROUP BY entity;
