/* Output: a file is only ever replaced by a complete new one; every failure is
 * reported and leaves no temporary file; an input that is no file is refused at once.
 * Each test has a directory of its own. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
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

/* *state: a new, empty directory. */
static int
setup(void **state)
{
	char *dir = xstrdup("/tmp/declgen-test-XXXXXX");

	if (mkdtemp(dir) == NULL) {
		free(dir);
		return -1;
	}
	*state = dir;
	return 0;
}

static int
teardown(void **state)
{
	struct buf cmd = {0};
	int ret;

	buf_printf(&cmd, "rm -rf '%s'", (char *)*state);
	ret = system(cmd.data);
	buf_free(&cmd);
	free(*state);
	return ret;
}

/* Files in the directory, temporary ones included. */
static int
count_files(const char *dir)
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
expect_content(const char *path, const char *text)
{
	char *back;
	size_t len;

	assert_int_equal(read_file(path, 1 << 20, &back, &len), 0);
	assert_string_equal(back, text);
	free(back);
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

/* Writes text to path; returns output_write's result, the messages in log. */
static int
put(const char *path, const char *text, unsigned flags, struct buf *log)
{
	struct diag d = {0};

	d.log = log;
	return output_write(path, (const unsigned char *)text, strlen(text), flags, NULL, &d);
}

static void
test_replaces_whole(void **state)
{
	const char *dir = *state;
	char path[128];
	unsigned char data[5000];
	struct diag d = {0};
	struct buf log = {0};
	char *back;
	size_t len;

	d.log = &log;
	memset(data, 'x', sizeof data);
	snprintf(path, sizeof path, "%s/out.pdf", dir);
	write_file(path, "%PDF-1.4 old");
	assert_int_equal(output_write(path, data, sizeof data, 0, NULL, &d), 0);
	assert_int_equal(read_file(path, 1 << 20, &back, &len), 0);
	assert_int_equal(len, sizeof data);
	free(back);
	assert_int_equal(count_files(dir), 1);
	assert_null(log.data);
	buf_free(&log);
}

/* The disk fills up: an error that says so, the old file as it was, nothing left. */
static void
test_full_disk(void **state)
{
	const char *dir = *state;
	char path[128];
	unsigned char data[5000];
	struct diag d = {0};
	struct buf log = {0};
	char expect[512];

	d.log = &log;
	memset(data, 'x', sizeof data);
	snprintf(path, sizeof path, "%s/keep.pdf", dir);
	write_file(path, "%PDF- previous");
	assert_int_equal(output_write(path, data, sizeof data, 0, full_disk, &d), -1);
	/* strerror speaks the locale's language (declgen itself never sets one). */
	snprintf(expect, sizeof expect, "%s: error: cannot write: %s; "
	    "the previous file is unchanged", path, strerror(ENOSPC));
	assert_true(log_has(&log, expect));
	assert_int_equal(diag_exit_status(&d), 2);
	expect_content(path, "%PDF- previous");
	assert_int_equal(count_files(dir), 1);	/* no temporary file */
	buf_free(&log);
}

static void
expect_refusal(const char *path, unsigned flags, const char *message)
{
	struct diag d = {0};
	struct buf log = {0};
	char expect[512];

	d.log = &log;
	assert_int_equal(output_write(path, (const unsigned char *)"x", 1, flags, NULL, &d), -1);
	snprintf(expect, sizeof expect, "%s: error: %s", path, message);
	if (!log_has(&log, expect))
		fail_msg("expected %s, got %s", expect, log.data ? log.data : "nothing");
	assert_int_equal(diag_exit_status(&d), 2);
	buf_free(&log);
}

/* Never rename over a directory, a device or a symbolic link, not even with
 * OUTPUT_FORCE; a missing directory is an error. */
static void
test_refusals(void **state)
{
	const char *dir = *state;
	char path[128], target[128];

	snprintf(path, sizeof path, "%s/sub", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	expect_refusal(path, OUTPUT_FORCE, "is a directory");
	expect_refusal("/dev/null", OUTPUT_FORCE, "is not a regular file");
	snprintf(target, sizeof target, "%s/target.pdf", dir);
	write_file(target, "%PDF- target");
	snprintf(path, sizeof path, "%s/link.pdf", dir);
	assert_int_equal(symlink(target, path), 0);
	expect_refusal(path, OUTPUT_FORCE, "is a symbolic link");
	expect_content(target, "%PDF- target");
	snprintf(path, sizeof path, "%s/missing/out.pdf", dir);
	snprintf(target, sizeof target, "cannot create a file in its directory: %s",
	    strerror(ENOENT));
	expect_refusal(path, 0, target);
}

/* A file that is not a PDF is kept unless forced (issue 7, "Never lose the source"). */
static void
test_not_a_pdf(void **state)
{
	const char *dir = *state;
	char path[128];
	struct buf log = {0};

	snprintf(path, sizeof path, "%s/decl.xml", dir);
	write_file(path, "<?xml version=\"1.0\"?><declaration/>");
	expect_refusal(path, 0, "is not a PDF (it does not start with \"%PDF-\") and is kept; "
	    "name another file, or give --force to replace it");
	expect_content(path, "<?xml version=\"1.0\"?><declaration/>");
	/* Four bytes of a PDF's five are not a PDF. */
	write_file(path, "%PDF");
	expect_refusal(path, 0, "is not a PDF");
	expect_content(path, "%PDF");
	assert_int_equal(count_files(dir), 1);
	assert_int_equal(put(path, "%PDF-new", OUTPUT_FORCE, &log), 0);
	expect_content(path, "%PDF-new");
	/* An empty file holds nothing to lose. */
	write_file(path, "");
	assert_int_equal(put(path, "%PDF-again", 0, &log), 0);
	expect_content(path, "%PDF-again");
	assert_null(log.data);
}

/* The mode of a replaced file is kept; a new file gets 0666 less the umask (issue 8
 * item 10). */
static void
test_mode(void **state)
{
	const char *dir = *state;
	char path[128];
	struct buf log = {0};
	mode_t old = umask(027);

	snprintf(path, sizeof path, "%s/private.pdf", dir);
	write_file(path, "%PDF- private");
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(put(path, "%PDF- new", 0, &log), 0);
	assert_int_equal(mode_of(path), 0600);
	assert_int_equal(chmod(path, 0664), 0);
	assert_int_equal(put(path, "%PDF- newer", 0, &log), 0);
	assert_int_equal(mode_of(path), 0664);
	snprintf(path, sizeof path, "%s/new.pdf", dir);
	assert_int_equal(put(path, "%PDF- fresh", 0, &log), 0);
	assert_int_equal(mode_of(path), 0640);
	umask(old);
	assert_null(log.data);
}

/* A name of the longest length can be written: the temporary name must fit too (issue 8
 * item 11), also when the name ends in multi-byte characters. */
static void
test_longest_name(void **state)
{
	const char *dir = *state;
	struct buf path = {0}, log = {0};
	long name_max = pathconf(dir, _PC_NAME_MAX);

	assert_true(name_max > 8);
	buf_printf(&path, "%s/", dir);
	for (long i = 0; i < name_max - 4; i++)
		buf_puts(&path, "n");
	buf_puts(&path, ".pdf");
	assert_int_equal(put(path.data, "%PDF- long", 0, &log), 0);
	expect_content(path.data, "%PDF- long");
	assert_int_equal(put(path.data, "%PDF- longer", 0, &log), 0);
	expect_content(path.data, "%PDF- longer");
	buf_free(&path);
	buf_printf(&path, "%s/", dir);
	for (long i = 0; i < (name_max - 4) / 2; i++)
		buf_puts(&path, "\xC3\xA4");	/* ä */
	buf_puts(&path, ".pdf");
	assert_int_equal(put(path.data, "%PDF- umlauts", 0, &log), 0);
	expect_content(path.data, "%PDF- umlauts");
	assert_int_equal(count_files(dir), 2);
	assert_null(log.data);
	buf_free(&path);
}

/* Interrupted (the signal arrives while declgen writes): nothing is replaced. */
static void
test_interrupted(void **state)
{
	const char *dir = *state;
	char path[128];
	struct diag d = {0};
	struct buf log = {0};

	d.log = &log;
	snprintf(path, sizeof path, "%s/interrupted.pdf", dir);
	write_file(path, "%PDF- previous");
	assert_int_equal(interrupt_block(), 0);
	assert_int_equal(raise(SIGTERM), 0);	/* pending, not delivered */
	assert_int_equal(output_write(path, (const unsigned char *)"new", 3, 0, NULL, &d),
	    SIGTERM);
	assert_int_equal(interrupt_pending(), 0);	/* taken */
	assert_int_equal(interrupt_unblock(), 0);
	expect_content(path, "%PDF- previous");
	assert_int_equal(count_files(dir), 1);
	assert_int_equal(d.errors, 0);
	buf_free(&log);
}

/* Reading an input that is no regular file: the real reason, at once (issue 8 items 5
 * and 24). errno is set beforehand, as a stale value would be. */
static void
test_read_not_regular(void **state)
{
	const char *dir = *state;
	char path[128], *data;
	size_t len;

	errno = ENOENT;
	assert_int_equal(read_file("/dev/zero", 100, &data, &len), EINVAL);
	assert_null(data);
	errno = ENOENT;
	assert_int_equal(read_file(dir, 100, &data, &len), EISDIR);
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	/* Without a writer, a blocking open would never return. */
	assert_int_equal(read_file(path, 100, &data, &len), EINVAL);
	snprintf(path, sizeof path, "%s/file", dir);
	write_file(path, "text");
	assert_int_equal(read_file(path, 100, &data, &len), 0);
	assert_int_equal(len, 4);
	free(data);
	assert_int_equal(read_file(path, 3, &data, &len), EFBIG);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static const struct CMUnitTest tests[] = {
	TEST(test_replaces_whole),
	TEST(test_full_disk),
	TEST(test_refusals),
	TEST(test_not_a_pdf),
	TEST(test_mode),
	TEST(test_longest_name),
	TEST(test_interrupted),
	TEST(test_read_not_regular),
};

int
main(void)
{
	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
