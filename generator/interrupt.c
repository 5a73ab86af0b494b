/* Deferring SIGINT, SIGTERM and SIGHUP through the signal mask. */
#include "interrupt.h"

#include <signal.h>
#include <stddef.h>
#include <time.h>

static void
interrupt_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
}

int
interrupt_block(void)
{
	sigset_t set;

	interrupt_set(&set);
	return sigprocmask(SIG_BLOCK, &set, NULL) == 0 ? 0 : -1;
}

int
interrupt_unblock(void)
{
	sigset_t set;

	interrupt_set(&set);
	return sigprocmask(SIG_UNBLOCK, &set, NULL) == 0 ? 0 : -1;
}

int
interrupt_pending(void)
{
	sigset_t set, pending;
	struct timespec now = {0, 0};

	interrupt_set(&set);
	if (sigpending(&pending) != 0)
		return 0;
	for (int sig = 1; sig < 32; sig++)
		if (sigismember(&set, sig) && sigismember(&pending, sig))
			return sigtimedwait(&set, NULL, &now) > 0 ? sig : 0;
	return 0;
}
