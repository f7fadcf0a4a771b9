-- window.sql: what "report-sentiment -p -g -S" computes, as one query of
-- the sqlite3 shell over the same database: each network's and theme's
-- reading over the window of :hours hours up to :now (minutes since
-- 1970-01-01, local time): each source's latest voice, the strongest of
-- them (level, basis, freshness), as of the latest, its signals and the
-- allies heard; its alerts from the theme's windowed readings, one for
-- each day with signals as of that day's latest voice (level >= 3, a rise
-- of 2 within 30 days, rising in 3 readings in a row), kept while the
-- reading is unchanged, else the level and rise rules on the new level;
-- and the reach of the network's open (or latest) call round.  :until
-- is the day of the report.
WITH sig AS (
	SELECT s.id, s.network_id AS net, s.theme, s.date, s.tension,
	    s.trend, s.basis,
	    CAST(julianday(s.date) - 2440587.5 AS INTEGER) * 1440 +
	    coalesce(CAST(substr(s.time, 1, 2) AS INTEGER) * 60 +
	    CAST(substr(s.time, 4, 2) AS INTEGER), 0) AS mom,
	    CASE s.basis WHEN 'evidenced' THEN 0 WHEN 'experienced' THEN 1
		WHEN 'potential' THEN 2 ELSE 99 END AS brank,
	    coalesce('meeting:' || s.meeting_id, p.alias) AS src,
	    s.meeting_id IS NULL AS ally
	FROM signal s LEFT JOIN person p ON p.id = s.source_id
	WHERE s.date <= ':until'
), days AS (
	SELECT net, theme, date, max(mom) AS m FROM sig
	GROUP BY net, theme, date
), dv AS (
	SELECT d.net, d.theme, d.date, s.id, s.tension, s.trend, s.brank,
	    s.mom, row_number() OVER (PARTITION BY d.net, d.theme, d.date,
		s.src ORDER BY s.mom DESC, s.id DESC) AS latest
	FROM days d JOIN sig s ON s.net = d.net AND s.theme = d.theme
	    AND s.mom BETWEEN d.m - :hours * 60 AND d.m
), dt AS (
	SELECT net, theme, date, id, tension AS level, trend,
	    row_number() OVER (PARTITION BY net, theme, date
		ORDER BY tension DESC, brank, mom DESC, id DESC) AS k
	FROM dv WHERE latest = 1
), rs AS (
	SELECT net, theme, date, id, level,
	    coalesce(trend = 'rising' OR level > lag(level) OVER w, 0) AS rises,
	    min(level) OVER (PARTITION BY net, theme ORDER BY julianday(date)
		RANGE BETWEEN 30 PRECEDING AND CURRENT ROW) AS low
	FROM dt WHERE k = 1 WINDOW w AS (PARTITION BY net, theme ORDER BY date)
), al AS (
	SELECT net, theme, date, id, level, level >= 3 AS a_level,
	    level - low >= 2 AS a_rise,
	    rises AND lag(rises, 1, 0) OVER w AND lag(rises, 2, 0) OVER w
		AS a_rising,
	    row_number() OVER (PARTITION BY net, theme ORDER BY date DESC)
		AS last
	FROM rs WINDOW w AS (PARTITION BY net, theme ORDER BY date)
), nv AS (
	SELECT s.*, row_number() OVER (PARTITION BY s.net, s.theme, s.src
		ORDER BY s.mom DESC, s.id DESC) AS latest,
	    count(*) OVER (PARTITION BY s.net, s.theme) AS signals,
	    max(s.mom) OVER (PARTITION BY s.net, s.theme) AS asof
	FROM sig s WHERE s.mom BETWEEN :now - :hours * 60 AND :now
), nt AS (
	SELECT nv.*, row_number() OVER (PARTITION BY net, theme
		ORDER BY tension DESC, brank, mom DESC, id DESC) AS k
	FROM nv WHERE latest = 1
), allies AS (
	SELECT net, theme, count(DISTINCT src) AS n FROM nv WHERE ally
	GROUP BY net, theme
), now AS (
	SELECT t.net, t.theme, date(t.asof / 1440 * 86400, 'unixepoch')
		AS asof, t.tension, t.trend, t.basis, t.signals,
	    coalesce(a.id = t.id AND a.level = t.tension, 0) AS same,
	    a.a_level, a.a_rise, a.a_rising,
	    (SELECT min(r.level) FROM rs r WHERE r.net = t.net
		AND r.theme = t.theme AND julianday(r.date) >=
		julianday(date(t.asof / 1440 * 86400, 'unixepoch')) - 30)
		AS low
	FROM nt t LEFT JOIN al a ON a.net = t.net AND a.theme = t.theme
	    AND a.last = 1
	WHERE t.k = 1
), rnd AS (
	SELECT network_id AS net, id, row_number() OVER (PARTITION BY
		network_id ORDER BY status = 'open' DESC, id DESC) AS k
	FROM round
), reach AS (
	SELECT r.net, count(c.round_id) AS calls,
	    count(*) FILTER (WHERE c.outcome = 'reached') AS reached,
	    count(*) FILTER (WHERE c.outcome IS NULL OR c.outcome IN
		('no-answer', 'call-back')) AS to_reach
	FROM rnd r LEFT JOIN call c ON c.round_id = r.id WHERE r.k = 1
	GROUP BY r.net
)
SELECT n.name AS network, w.theme, w.asof AS date, w.tension,
    CASE w.tension WHEN 0 THEN 'calm' WHEN 1 THEN 'attention'
	WHEN 2 THEN 'concern' WHEN 3 THEN 'tension' ELSE 'unrest' END
	AS level, w.trend, w.basis, coalesce(l.n, 0) AS allies, w.signals,
    nullif(trim(CASE WHEN (w.same AND w.a_level) OR (NOT w.same AND w.tension >= 3)
	THEN 'level ' ELSE '' END ||
    CASE WHEN (w.same AND w.a_rise) OR (NOT w.same AND
	w.tension - min(w.tension, coalesce(w.low, w.tension)) >= 2)
	THEN 'rise ' ELSE '' END ||
    CASE WHEN w.same AND w.a_rising THEN 'rising' ELSE '' END), '') AS alert,
    r.calls AS to_call, r.reached, r.to_reach
FROM now w JOIN network n ON n.id = w.net
LEFT JOIN allies l ON l.net = w.net AND l.theme = w.theme
LEFT JOIN reach r ON r.net = w.net
ORDER BY n.id, w.tension DESC, w.theme;
