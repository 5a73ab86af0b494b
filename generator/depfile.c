/* Make dependency files (depfile.h). What a PDF depends on is listed from what the
 * pipeline reads: the schema and the file it imports, the faces of the declaration's
 * family as font_family.c finds them (and, for a named typeface, the folder searched
 * first, so that a face added there re-renders) and the hyphenation patterns of every
 * language the text uses (hyph_set.c), with the German exception list. */
#include "depfile.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#include "datadir.h"
#include "decl.h"
#include "diag.h"
#include "font_family.h"
#include "lang.h"
#include "output.h"
#include "util.h"

/* Data files of every declaration, relative to the data directory. */
static const char *const schema_files[] = {
	"schemas/declaration.xsd",
	"schemas/xml.xsd",	/* imported by declaration.xsd */
};

/* A name in a rule of make's: space, '#' and '\\' escaped, '$' doubled. */
static void
append_make_name(struct buf *b, const char *name)
{
	for (const char *s = name; *s; s++) {
		if (*s == '$')
			buf_puts(b, "$");
		else if (*s == ' ' || *s == '#' || *s == '\\')
			buf_puts(b, "\\");
		buf_append(b, s, 1);
	}
}

/* The rows of the language table the text of decl uses: its own, every run's. */
static void
mark_text(int used[LANG_MAX], const struct text *t)
{
	for (size_t i = 0; i < t->nruns; i++)
		if (t->runs[i].lang >= 0 && t->runs[i].lang < LANG_MAX)
			used[t->runs[i].lang] = 1;
}

static void
mark_list(int used[LANG_MAX], const struct list *l)
{
	for (size_t i = 0; i < l->nitems; i++) {
		mark_text(used, &l->items[i].text);
		if (l->items[i].sub != NULL)
			mark_list(used, l->items[i].sub);
	}
}

static void
mark_languages(int used[LANG_MAX], const struct decl *decl)
{
	memset(used, 0, LANG_MAX * sizeof *used);
	if (decl->lang >= 0 && decl->lang < LANG_MAX)
		used[decl->lang] = 1;
	for (size_t i = 0; i < decl->nblocks; i++) {
		mark_text(used, &decl->blocks[i].text);
		mark_list(used, &decl->blocks[i].list);
	}
	mark_text(used, &decl->sig_heading);
}

/* Adds path to files (which owns it from now on) unless it is there already. */
static void
add_file(char ***files, size_t *n, size_t *cap, char *path)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*files)[i], path) == 0) {
			free(path);
			return;
		}
	*ARRAY_PUSH(*files, *n, *cap) = path;
}

/* The pattern file of row i as hyph_set.c chooses it: ours, else Debian's. */
static char *
pattern_file(const char *datadir, const struct lang *l)
{
	char *ours = datadir_path(datadir, l->patterns);

	if (access(ours, R_OK) == 0 || l->system_patterns == NULL)
		return ours;
	free(ours);
	return xstrdup(l->system_patterns);
}

/* The face files the declaration is set in, found as the pipeline finds them; a family
 * not found adds none (check and render report it). */
static void
add_faces(char ***files, size_t *n, size_t *cap, const char *datadir,
    const struct decl *decl)
{
	struct buf quiet = {0};
	struct diag d = {.log = &quiet};
	struct font_family family;
	char *bundled = datadir_path(datadir, "fonts"), *beside;
	struct stat st;

	if (font_family_find(decl, bundled, &family, &d) == 0) {
		for (int f = 0; f < FACE_COUNT; f++)
			add_file(files, n, cap, xstrdup(family.paths[f]));
		font_family_free(&family);
	}
	if (decl->typeface[0] != '\0') {
		beside = font_family_folder(decl->path);
		if (stat(beside, &st) == 0 && S_ISDIR(st.st_mode))
			add_file(files, n, cap, beside);
		else
			free(beside);
	}
	free(bundled);
	buf_free(&quiet);
}

void
depfile_rules(struct buf *out, const char *target, const char *input,
    const char *datadir, const struct decl *decl)
{
	char **files = NULL;
	size_t n = 0, cap = 0;
	int used[LANG_MAX];

	add_file(&files, &n, &cap, xstrdup(input));
	for (size_t i = 0; i < sizeof schema_files / sizeof *schema_files; i++)
		add_file(&files, &n, &cap, datadir_path(datadir, schema_files[i]));
	add_faces(&files, &n, &cap, datadir, decl);
	mark_languages(used, decl);
	for (int i = 0; i < lang_count(); i++) {
		if (!used[i])
			continue;
		add_file(&files, &n, &cap, pattern_file(datadir, lang_get(i)));
		if (strncasecmp(lang_get(i)->tag, "de", 2) == 0)
			add_file(&files, &n, &cap, datadir_path(datadir, "hyphen/exceptions"));
	}
	append_make_name(out, target);
	buf_puts(out, ":");
	for (size_t i = 0; i < n; i++) {
		buf_puts(out, " \\\n ");
		append_make_name(out, files[i]);
	}
	buf_puts(out, "\n");
	for (size_t i = 0; i < n; i++) {
		buf_puts(out, "\n");
		append_make_name(out, files[i]);
		buf_puts(out, ":\n");
		free(files[i]);
	}
	free(files);
}

int
depfile_write(const char *path, const struct buf *rules, struct diag *d)
{
	/* Forced: a dependency file is not a PDF. */
	return output_write(path, (const unsigned char *)(rules->data ? rules->data : ""),
	    rules->len, OUTPUT_FORCE, NULL, d);
}
