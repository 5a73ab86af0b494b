#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "decl.h"
#include "diag.h"
#include "hyph.h"
#include "render.h"
#include "util.h"

/* Debian's German patterns (package hyphen-de), used if the data directory has none. */
#define SYSTEM_HYPHEN "/usr/share/hyphen/hyph_de_DE.dic"

static struct hyph *german(const char *datadir, const struct decl *decl, struct diag *d);

struct hyph_set *
pipeline_hyphenation(const char *datadir, const struct decl *decl, struct diag *d)
{
	struct hyph_set *set = xcalloc(1, sizeof *set);

	set->by[decl->lang] = german(datadir, decl, d);
	return set;
}

static struct hyph *
german(const char *datadir, const struct decl *decl, struct diag *d)
{
	char *ours, *exceptions;
	struct buf text = {0};
	struct hyph *h;

	if (strncmp(decl->language, "de", 2) != 0)
		return NULL;
	ours = datadir_path(datadir, "hyphen/hyph_de.dic");
	exceptions = datadir_path(datadir, "hyphen/exceptions");
	decl_body_text(decl, &text);
	h = hyph_load(ours, text.data ? text.data : "", text.len);
	if (h == NULL)
		h = hyph_load(SYSTEM_HYPHEN, text.data ? text.data : "", text.len);
	if (h == NULL)
		diag_report(d, DIAG_WARNING, decl->path, 0, 0,
		    "no German hyphenation patterns (%s): text is set without hyphenation; "
		    "reinstall declgen", ours);
	else if (hyph_load_exceptions(h, exceptions) < 0)
		diag_report(d, DIAG_WARNING, exceptions, 0, 0,
		    "cannot read the hyphenation exceptions; reinstall declgen");
	/* The declaration's own exceptions come last and win. */
	for (size_t i = 0; h != NULL && i < decl->nhyphenation; i++)
		if (hyph_add_exception(h, decl->hyphenation[i]) != 0)
			diag_report(d, DIAG_WARNING, decl->path, decl->hyphenation_pos.line,
			    decl->hyphenation_pos.col, "hyphenation exception \"%s\" has letters "
			    "German patterns cannot hyphenate; it is ignored", decl->hyphenation[i]);
	buf_free(&text);
	free(exceptions);
	free(ours);
	return h;
}

int
pipeline_render(const char *datadir, const struct decl *decl,
    const struct layout_options *opt, struct diag *d, unsigned char **pdf, size_t *len,
    struct layout_stats *stats)
{
	char *fonts = datadir_path(datadir, "fonts");
	struct render *r = render_new(fonts, decl->path, d);
	struct hyph_set *h = NULL;
	struct layout *l = NULL;
	const unsigned char *out;
	int ret = -1;

	*pdf = NULL;
	*len = 0;
	if (r == NULL)
		goto done;
	h = pipeline_hyphenation(datadir, decl, d);
	l = layout_new(decl, render_metrics(r), h, opt, d);
	if (l == NULL || render_document(r, decl, l, &out, len) != 0)
		goto done;
	*pdf = xmalloc(*len);
	memcpy(*pdf, out, *len);
	if (stats)
		layout_get_stats(l, stats);
	ret = 0;
done:
	layout_free(l);
	hyph_set_free(h);
	render_free(r);
	free(fonts);
	return ret;
}
