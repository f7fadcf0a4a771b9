-- rollup-exports.sql: what "report-sentiment -g" computes from the
-- networks' exports (report-sentiment -x), as one query of the sqlite3
-- shell over the exports loaded into the table agg: by theme and month
-- the networks, readings, signals, highest level, the mean weighted by
-- the readings (each export's mean times its readings gives its sum of
-- levels back), the direction against the previous month, and alerts.
WITH cell AS (
	SELECT theme, period, count(DISTINCT network) AS networks,
	    sum(readings) AS readings, sum(signals) AS signals,
	    max(max) AS max,
	    sum(round(mean * readings)) * 1.0 / sum(readings) AS mean,
	    sum(alerts) AS alerts
	FROM agg GROUP BY theme, period
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
