/* Output: a file is only ever replaced by a complete new one; every failure is
 * reported and leaves no temporary file. */
#include "testutil.h"

#include <dirent.h>
#include <signal.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "interrupt.h"
#include "output.h"

/* A disk that fills up after 1000 bytes. */
static ssize_t
full_disk(int fd, const void *buf, size_t len)
{
	off_t at = lseek(fd, 0, SEEK_CUR);

	if (at >= 1000) {
		errno = ENOSPC;
		return -1;
	}
	return write(fd, buf, len > (size_t)(1000 - at) ? (size_t)(1000 - at) : len);
}

static char dir[] = "/tmp/declgen-test-XXXXXX";

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[64];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd);
}

/* Files in the directory, temporary ones included. */
static int
count_files(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.' || (e->d_name[1] != '\0' && e->d_name[1] != '.');
	closedir(d);
	return n;
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
test_replaces_whole(void **state)
{
	char path[128];
	unsigned char data[5000];
	struct diag d = {0};
	struct buf log = {0};
	char *back;
	size_t len;

	(void)state;
	d.log = &log;
	memset(data, 'x', sizeof data);
	snprintf(path, sizeof path, "%s/out.pdf", dir);
	write_file(path, "old");
	assert_int_equal(output_write(path, data, sizeof data, NULL, &d), 0);
	assert_int_equal(read_file(path, 1 << 20, &back, &len), 0);
	assert_int_equal(len, sizeof data);
	free(back);
	assert_int_equal(count_files(), 1);
	buf_free(&log);
}

/* The disk fills up: an error that says so, the old file as it was, nothing left. */
static void
test_full_disk(void **state)
{
	char path[128];
	unsigned char data[5000];
	struct diag d = {0};
	struct buf log = {0};
	char *back, expect[512];
	size_t len;

	(void)state;
	d.log = &log;
	memset(data, 'x', sizeof data);
	snprintf(path, sizeof path, "%s/keep.pdf", dir);
	write_file(path, "previous PDF");
	assert_int_equal(output_write(path, data, sizeof data, full_disk, &d), -1);
	/* strerror speaks the locale's language (declgen itself never sets one). */
	snprintf(expect, sizeof expect, "%s: error: cannot write: %s; "
	    "the previous file is unchanged", path, strerror(ENOSPC));
	assert_true(log_has(&log, expect));
	assert_int_equal(diag_exit_status(&d), 2);
	assert_int_equal(read_file(path, 1 << 20, &back, &len), 0);
	assert_string_equal(back, "previous PDF");
	free(back);
	assert_int_equal(count_files(), 2);	/* out.pdf, keep.pdf: no temporary file */
	buf_free(&log);
}

static void
expect_refusal(const char *path, const char *message)
{
	struct diag d = {0};
	struct buf log = {0};
	char expect[512];

	d.log = &log;
	assert_int_equal(output_write(path, (const unsigned char *)"x", 1, NULL, &d), -1);
	snprintf(expect, sizeof expect, "%s: error: %s", path, message);
	if (!log_has(&log, expect))
		fail_msg("expected %s, got %s", expect, log.data ? log.data : "nothing");
	assert_int_equal(diag_exit_status(&d), 2);
	buf_free(&log);
}

/* Never rename over a directory, a device or a symbolic link; a missing directory is
 * an error. */
static void
test_refusals(void **state)
{
	char path[128], target[128];

	(void)state;
	snprintf(path, sizeof path, "%s/sub", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	expect_refusal(path, "is a directory");
	expect_refusal("/dev/null", "is not a regular file");
	snprintf(target, sizeof target, "%s/target.pdf", dir);
	write_file(target, "target");
	snprintf(path, sizeof path, "%s/link.pdf", dir);
	assert_int_equal(symlink(target, path), 0);
	expect_refusal(path, "is a symbolic link");
	snprintf(path, sizeof path, "%s/missing/out.pdf", dir);
	snprintf(target, sizeof target, "cannot create a file in its directory: %s",
	    strerror(ENOENT));
	expect_refusal(path, target);
}

/* Interrupted (the signal arrives while declgen renders): nothing is replaced. */
static void
test_interrupted(void **state)
{
	char path[128], *back;
	struct diag d = {0};
	struct buf log = {0};
	size_t len;
	int files;

	(void)state;
	d.log = &log;
	snprintf(path, sizeof path, "%s/interrupted.pdf", dir);
	write_file(path, "previous PDF");
	files = count_files();
	assert_int_equal(interrupt_block(), 0);
	assert_int_equal(raise(SIGTERM), 0);	/* pending, not delivered */
	assert_int_equal(output_write(path, (const unsigned char *)"new", 3, NULL, &d), SIGTERM);
	assert_int_equal(interrupt_pending(), 0);	/* taken */
	assert_int_equal(read_file(path, 1 << 20, &back, &len), 0);
	assert_string_equal(back, "previous PDF");
	free(back);
	assert_int_equal(count_files(), files);
	assert_int_equal(d.errors, 0);
	buf_free(&log);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_replaces_whole),
	cmocka_unit_test(test_full_disk),
	cmocka_unit_test(test_refusals),
	cmocka_unit_test(test_interrupted),
};

int
main(void)
{
	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, setup, teardown);
}
