/* Interruption (SIGINT, SIGTERM, SIGHUP) at safe points only: the signals are blocked
 * while declgen writes a file, and polled where stopping loses nothing; everywhere else
 * (parsing, layout) they take effect at once. The state is the kernel's signal mask:
 * declgen keeps none of its own. */
#ifndef DECLGEN_INTERRUPT_H
#define DECLGEN_INTERRUPT_H

/* Blocks the interrupting signals; they stay pending until polled. Returns 0 or -1. */
int interrupt_block(void);

/* Lets the interrupting signals act again; take a pending one first with
 * interrupt_pending, or it acts now. Returns 0 or -1. */
int interrupt_unblock(void);

/* The number of an interrupting signal that is pending (and takes it), or 0. */
int interrupt_pending(void);

#endif
