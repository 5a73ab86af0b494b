/* The catalogue of declarations (index.h). */
#include "index.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "diag.h"
#include "hash.h"
#include "json.h"
#include "limits.h"
#include "util.h"

static int
compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_xml_name(const char *name)
{
	size_t len = strlen(name);

	return len > 4 && name[0] != '.' && strcmp(name + len - 4, ".xml") == 0;
}

int
index_sources(const char *dir, char ***paths, size_t *n, struct diag *d)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t cap = 0;

	*paths = NULL;
	*n = 0;
	if (dp == NULL) {
		diag_report(d, DIAG_FATAL, dir, 0, 0, "cannot read the directory: %s",
		    strerror(errno));
		return -1;
	}
	while ((e = readdir(dp)) != NULL) {
		struct buf path = {0};

		if (!is_xml_name(e->d_name))
			continue;
		buf_printf(&path, "%s/%s", dir, e->d_name);
		*ARRAY_PUSH(*paths, *n, cap) = path.data;
	}
	closedir(dp);
	if (*n > 0)
		qsort(*paths, *n, sizeof **paths, compare_paths);
	return 0;
}

void
index_begin(struct buf *out)
{
	buf_puts(out, "{");
	json_key_string(out, "shape", INDEX_SHAPE);
	buf_puts(out, ",");
	json_key_number(out, "version", INDEX_VERSION);
	buf_puts(out, ",\"declarations\":[\n");
}

void
index_end(struct buf *out)
{
	buf_puts(out, "\n]}\n");
}

static void
strings_array(struct buf *out, const char *key, char *const *list, size_t n)
{
	json_string(out, key);
	buf_puts(out, ":[");
	for (size_t i = 0; i < n; i++) {
		buf_puts(out, i ? "," : "");
		json_string(out, list[i]);
	}
	buf_puts(out, "]");
}

static void
signatories_array(struct buf *out, const struct decl *decl)
{
	buf_puts(out, "\"signatories\":[");
	for (size_t i = 0; i < decl->nsignatories; i++) {
		const struct signatory *s = &decl->signatories[i];

		buf_puts(out, i ? ",{" : "{");
		json_key_string(out, "name", s->name);
		buf_puts(out, ",");
		json_key_string(out, "function", s->function);
		buf_puts(out, ",");
		strings_array(out, "organisation", s->org, s->norg);
		buf_puts(out, "}");
	}
	buf_puts(out, "]");
}

/* "key":"HEX" of the file at path, or null when it cannot be read. */
static void
file_hash(struct buf *out, const char *key, const char *path, size_t max_bytes)
{
	char hex[HASH_HEX_SIZE];

	json_key_string(out, key, path != NULL &&
	    hash_file(path, max_bytes, hex) == 0 ? hex : NULL);
}

void
index_entry(struct buf *out, int first, const struct decl *decl, const char *source,
    const char *output)
{
	char hex[HASH_HEX_SIZE], date[16];
	/* A PDF of LIMIT_PAGES pages is far below this; a larger file is not ours. */
	const size_t pdf_max = 256u * 1024u * 1024u;
	int exists;

	buf_puts(out, first ? "{" : ",\n{");
	json_key_string(out, "source", source);
	buf_puts(out, ",");
	file_hash(out, "source_sha256", source, LIMIT_INPUT_BYTES);
	hash_decl(decl, hex);
	buf_puts(out, ",");
	json_key_string(out, "content_sha256", hex);
	buf_puts(out, ",");
	json_key_string(out, "id", decl->id);
	buf_puts(out, ",");
	strings_array(out, "title", decl->title, decl->ntitle);
	buf_puts(out, ",");
	json_key_string(out, "version", decl->version);
	snprintf(date, sizeof date, "%04d-%02d-%02d", decl->date.year, decl->date.month,
	    decl->date.day);
	buf_puts(out, ",");
	json_key_string(out, "date", decl->date.year ? date : NULL);
	buf_puts(out, ",");
	json_key_string(out, "place", decl->place);
	buf_puts(out, ",");
	json_key_string(out, "language", decl->language);
	buf_puts(out, ",");
	signatories_array(out, decl);
	exists = hash_file(output, pdf_max, hex) == 0;
	buf_puts(out, ",");
	json_key_string(out, "output", exists ? output : NULL);
	buf_puts(out, ",");
	json_key_string(out, "output_sha256", exists ? hex : NULL);
	buf_puts(out, "}");
}
