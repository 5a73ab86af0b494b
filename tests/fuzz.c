/* libFuzzer entry point: one input is one declaration, taken through parse, validation,
 * layout and render in memory, as `declgen render` takes a file. Built by `make fuzz`
 * with clang -fsanitize=fuzzer,address,undefined; run from the top directory. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "decl.h"
#include "diag.h"
#include "layout.h"
#include "pipeline.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout_options opt = {LB_TOTAL_FIT};
	struct buf log = {0};
	struct diag d = {.log = &log};
	struct decl *decl;
	unsigned char *pdf;
	size_t len;

	decl = decl_parse_memory("fuzz.xml", (const char *)data, size,
	    "schemas/declaration.xsd", &d);
	if (decl != NULL && pipeline_render(".", decl, &opt, &d, &pdf, &len, NULL) == 0)
		free(pdf);
	decl_free(decl);
	buf_free(&log);
	return 0;
}
