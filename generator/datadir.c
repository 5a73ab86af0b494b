/* The data directory: DECLGEN_DATADIR, the share folder beside the installed binary,
 * or the source tree above build/, whichever holds the schema first. */
#include "datadir.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define SCHEMA "schemas/declaration.xsd"

char *
datadir_path(const char *dir, const char *name)
{
	struct buf b = {0};

	buf_printf(&b, "%s/%s", dir, name);
	return b.data;
}

static int
has_schema(const char *dir)
{
	char *p = datadir_path(dir, SCHEMA);
	int ok = access(p, R_OK) == 0;

	free(p);
	return ok;
}

char *
datadir_find(void)
{
	static const char *const relative[] = {"../share/declgen", ".."};
	const char *env = getenv("DECLGEN_DATADIR");
	char exe[4096];		/* a path longer than this finds no data */
	ssize_t n;
	char *slash;

	if (env != NULL && *env != '\0')
		return has_schema(env) ? xstrdup(env) : NULL;
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	for (size_t i = 0; i < sizeof relative / sizeof *relative; i++) {
		char *dir = datadir_path(exe, relative[i]);

		if (has_schema(dir))
			return dir;
		free(dir);
	}
	return NULL;
}
