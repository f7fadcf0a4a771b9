-- rollup.sql: what "report-sentiment -g" computes, as one query of the
-- sqlite3 shell over the same database: readings (a theme's signals of
-- one day in one network, at the day's highest level, the trend most
-- reported), the three alert rules at their defaults (level >= 3, a rise
-- of 2 within 30 days, rising in 3 readings in a row), then by theme and
-- month the cells with networks, readings, signals, max, mean, the
-- direction against the previous month with readings, and alerts.
-- :until is replaced by the benchmark with the day the report is made.
WITH rd AS (
	SELECT network_id AS net, theme, date, max(tension) AS level,
	    count(*) AS n, sum(trend = 'rising') AS r,
	    sum(trend = 'steady') AS s, sum(trend = 'falling') AS f
	FROM signal WHERE date <= ':until'
	GROUP BY network_id, theme, date
), rs AS (
	SELECT net, theme, date, level, n,
	    coalesce((r > 0 AND r >= s AND r >= f) OR
	    level > lag(level) OVER w, 0) AS rises,
	    min(level) OVER (PARTITION BY net, theme
		ORDER BY julianday(date)
		RANGE BETWEEN 30 PRECEDING AND CURRENT ROW) AS low
	FROM rd WINDOW w AS (PARTITION BY net, theme ORDER BY date)
), al AS (
	SELECT net, theme, date, level, n,
	    level >= 3 OR level - low >= 2 OR (rises AND
	    lag(rises, 1, 0) OVER w AND lag(rises, 2, 0) OVER w) AS alert
	FROM rs WINDOW w AS (PARTITION BY net, theme ORDER BY date)
), cell AS (
	SELECT theme, substr(date, 1, 7) AS period,
	    count(DISTINCT net) AS networks, count(*) AS readings,
	    sum(n) AS signals, max(level) AS max, avg(level) AS mean,
	    sum(alert) AS alerts
	FROM al GROUP BY theme, period
)
SELECT theme, period, networks, readings, signals, max,
    printf('%.1f', mean) AS mean,
    CASE WHEN lag(mean) OVER w IS NULL THEN 'new'
	WHEN mean - lag(mean) OVER w >= 0.5 THEN 'rising'
	WHEN lag(mean) OVER w - mean >= 0.5 THEN 'falling'
	ELSE 'steady' END AS direction,
    alerts
FROM cell WINDOW w AS (PARTITION BY theme ORDER BY period)
ORDER BY theme, period;
