/*
 * network_test: network_each, the one walk over the networks of a file:
 * name order, every field read, a stop on the callback's word, and a
 * callback that writes while the walk goes on.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

struct seen {
	sqlite3	*db;
	char	 names[256];
	int	 calls, stop_at, create;
	long long ids_ok;
};

static int
collect(const struct network *n, void *arg, struct ally_error *err)
{
	struct seen *s = arg;
	struct network made;
	size_t len = strlen(s->names);

	snprintf(s->names + len, sizeof(s->names) - len, "%s%s",
	    len ? " " : "", n->name);
	if (n->id > 0 && n->duration > 0 && n->aliases == NULL)
		s->ids_ok++;
	if (++s->calls == s->stop_at)
		return ally_errorf(err, EX_DATAERR, "stop at %s", n->name);
	if (s->create && network_create(s->db, "Aardenburg", &made,
	    err) != 0)
		return -1;
	return 0;
}

int
main(void)
{
	static const char *const names[] = { "Zeeland", "Almere",
	    "Middelburg" };
	char dir[] = "/tmp/ally-network-test.XXXXXX", path[300], cmd[340];
	struct ally_error err;
	struct network n;
	struct seen s;
	sqlite3 *db;
	size_t i;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/a.db", dir);
	if ((db = db_open(path, DB_CREATE, &err)) == NULL)
		return 1;

	memset(&s, 0, sizeof(s));
	is_int(network_each(db, collect, &s, &err), 0, "no networks: 0");
	is_int(s.calls, 0, "no networks: no call");

	for (i = 0; i < 3; i++)
		if (network_create(db, names[i], &n, &err) != 0)
			return 1;
	memset(&s, 0, sizeof(s));
	is_int(network_each(db, collect, &s, &err), 0, "three networks: 0");
	is_str(s.names, "Almere Middelburg Zeeland", "in name order");
	is_int(s.ids_ok, 3, "with id and schedule, no alias map");

	memset(&s, 0, sizeof(s));
	s.stop_at = 2;
	is_int(network_each(db, collect, &s, &err), -1,
	    "the callback's error ends the walk: -1");
	ok(s.calls == 2 && err.code == EX_DATAERR &&
	    strcmp(err.msg, "stop at Middelburg") == 0,
	    "after the second, with the callback's error");

	memset(&s, 0, sizeof(s));
	s.db = db;
	s.create = 1;
	is_int(network_each(db, collect, &s, &err), 0,
	    "a callback may write to the database");
	is_str(s.names, "Almere Middelburg Zeeland",
	    "the walk covers the networks there were when it began");
	ok(network_by_name(db, "Aardenburg", &n, &err) == 1,
	    "and the one written is stored");

	db_close(db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return done_testing();
}
