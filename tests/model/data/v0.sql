-- SPDX-License-Identifier: GPL-3.0-or-later
-- A Breakeven document in schema version 0, the pre-release format: base
-- cells only (no scenario column), workbook-level assumptions only, no
-- notes, scenarios or history.  test-document.c builds a file from this
-- and checks that opening it migrates it to the current schema.
PRAGMA application_id = 1112689494;
PRAGMA user_version = 0;
BEGIN;
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE markets (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE companies (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, market TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE cells (tbl TEXT NOT NULL, row TEXT NOT NULL, period TEXT NOT NULL, value REAL, formula TEXT,
                    PRIMARY KEY (tbl, row, period)) WITHOUT ROWID;
CREATE TABLE assumptions (key TEXT PRIMARY KEY NOT NULL, value REAL NOT NULL);
INSERT INTO meta VALUES ('title', 'Old workbook');
INSERT INTO meta VALUES ('granularity', 'year');
INSERT INTO meta VALUES ('first_period', '2024');
INSERT INTO meta VALUES ('periods', '3');
INSERT INTO markets VALUES ('global', 'Global', 0);
INSERT INTO companies VALUES ('acme', 'Acme', 'global', 0);
INSERT INTO companies VALUES ('beta', 'Beta Corp', 'global', 1);
INSERT INTO cells VALUES ('capex', 'acme', '2024', 10, NULL);
INSERT INTO cells VALUES ('capex', 'acme', '2025', 20, NULL);
INSERT INTO cells VALUES ('capex', 'acme', '2026', 30, '=prev*1.5');
INSERT INTO cells VALUES ('backlog', 'acme', '2024', 30, NULL);
INSERT INTO cells VALUES ('backlog', 'acme', '2026', 60, NULL);
INSERT INTO cells VALUES ('share', 'acme', '2024', 0.5, NULL);
INSERT INTO cells VALUES ('share', 'beta', '2025', 0.25, NULL);
INSERT INTO cells VALUES ('tokens', 'global', '2024', 50, NULL);
INSERT INTO cells VALUES ('tokens', 'global', '2025', 200, NULL);
INSERT INTO cells VALUES ('tokens', 'global', '2026', 800, NULL);
INSERT INTO assumptions VALUES ('extra_years', 3);
INSERT INTO assumptions VALUES ('tokens_per_joule', 4);
INSERT INTO assumptions VALUES ('price_per_mtok', 2);
COMMIT;
