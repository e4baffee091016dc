-- The setup both hand-written references share (cmd/bench/kpi/main.go runs
-- setup.sql, then a reference's cells, then kpis.sql): the channels' metadata.

CREATE TEMP TABLE channels AS SELECT * FROM (VALUES
    ('store', FALSE, 'owned'), ('web', TRUE, 'owned'), ('app', TRUE, 'owned'), ('email', TRUE, 'owned'),
    ('social', TRUE, 'earned'), ('display', TRUE, 'paid'), ('search', TRUE, 'paid')) AS c(name, online, media);
