/* SHA-256 through Nettle. */
#include "hash.h"

#include <stdlib.h>

#include <nettle/sha2.h>

#include "canon.h"
#include "util.h"

void
hash_sha256_hex(const void *data, size_t len, char hex[HASH_HEX_SIZE])
{
	static const char digits[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 0xF];
	}
	hex[HASH_HEX_LEN] = '\0';
}

void
hash_decl(const struct decl *decl, char hex[HASH_HEX_SIZE])
{
	struct buf form = {0};

	canon_decl(decl, &form);
	hash_sha256_hex(form.data, form.len, hex);
	buf_free(&form);
}

int
hash_file(const char *path, size_t max_bytes, char hex[HASH_HEX_SIZE])
{
	char *data;
	size_t len;
	int err = read_file(path, max_bytes, &data, &len);

	if (err != 0)
		return err;
	hash_sha256_hex(data, len, hex);
	free(data);
	return 0;
}
