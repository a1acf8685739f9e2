/* Every limit radloc enforces, in one place, each with the reason for it.
 * docs/limits.md lists them with the message each one produces. */
#ifndef RADLOC_LIMITS_H
#define RADLOC_LIMITS_H

/* A rule file is hand-written YAML; the shipped ones are ~30 KiB. 1 MiB is
 * generous for any real rule set and bounds the memory a bad file costs. */
#define RADLOC_MAX_RULE_FILE_BYTES (1024L * 1024L)

/* Files in a rule directory: a rule set is a handful of files. */
#define RADLOC_MAX_RULE_FILES 64

/* All the files of a rule set together: the shipped set is ~100 KiB. The
 * loader keeps every file's tree until its last pass, up to ~22 bytes of
 * memory per byte of YAML, so 64 files at the file limit took 1.15 GB;
 * 4 MiB in all is 40 times the shipped set and holds the peak near
 * 100 MB (96 MB measured with 64 hostile files of 1 MiB). */
#define RADLOC_MAX_RULE_SET_BYTES (4L * 1024L * 1024L)

/* An exam is a few dozen findings (< 4 KiB); 256 KiB leaves room for
 * comments and long ids while bounding what one request can cost. */
#define RADLOC_MAX_EXAM_BYTES (256L * 1024L)

/* Nesting: rule files need 4 levels, exams 3. 32 is far beyond any honest
 * file and keeps the tree builder's recursion shallow (100 000-deep input
 * is refused at depth 33, long before the stack is at risk). */
#define RADLOC_MAX_DEPTH 32

/* Nodes in one YAML document: caps the tree a hostile file can make.
 * The shipped rules hold ~4 000 nodes. */
#define RADLOC_MAX_NODES 200000

/* Any one scalar (id, source string): sources are one or two sentences. */
#define RADLOC_MAX_SCALAR_BYTES 4096

/* Ids (root, region, ...) are short clinical names. */
#define RADLOC_MAX_ID_BYTES 64

/* An exam's id: bed numbers, record ids and dates fit in 256 bytes; a
 * longer one is more likely an exam pasted into the wrong field. */
#define RADLOC_MAX_ID_TEXT 256

/* The id a batch error line repeats for an exam that could not be scored,
 * in bytes with its NUL: a little over RADLOC_MAX_ID_TEXT, so that an exam
 * refused for a slightly long id still names its line; a longer "id" is
 * likely a pasted exam and the line says null. (Command line and server.) */
#define RADLOC_MAX_ERROR_ID_BYTES 300

/* Findings in one exam: a complete neurological exam of four limbs is
 * about 150 findings; 1 000 bounds scoring time per exam. */
#define RADLOC_MAX_FINDINGS 1000

/* Ids of each kind in a rule set (roots, regions, ...): the shipped set
 * has < 40 of each; 4 096 leaves room for dermatome atlases. */
#define RADLOC_MAX_IDS 4096

/* Keys one kind of rule entry may have (the reflex findings have the most,
 * 10): the unknown-key check gathers their names on the stack to match
 * and suggest them, so a field table must not be longer. */
#define RADLOC_MAX_ENTRY_KEYS 16

/* Structures one element may name (roots or nerves in one map). */
#define RADLOC_MAX_SUPPLY 32

/* Interval draws: 1 000 is the default. 10 000 pins the ends of a 90 %
 * interval to well under a percentage point, and bounds both one call's
 * time and the scorer's bank of draws (~40 MB at the most). */
#define RADLOC_MAX_DRAWS 10000

/* Threads that may share one exam's draws (radloc_scorer_set_threads):
 * one takes part per 100 draws at most (draw_threads.c), so even at
 * RADLOC_MAX_DRAWS more than 100 would wait idle; 64, as batch --jobs. */
#define RADLOC_MAX_DRAW_THREADS 64

/* radloc serve: connections open at once, for the whole server. Each has
 * a thread of its own, so a slow client holds only its own; 256 is far
 * more than one ward's browsers and bounds the threads (and memory) a
 * flood of connections can take. Past it new connections are refused. */
#define RADLOC_SERVE_CONNECTIONS 256

/* radloc serve: seconds a connection may stay silent (sending nothing, or
 * reading nothing of the answer) before it is closed, so a stalled or
 * slowloris client gives its connection back. */
#define RADLOC_SERVE_IDLE_SECONDS 10

/* radloc serve: the work one POST /v1/batch may ask, counted as
 * exams x (draws + RADLOC_SERVE_LINE_COST). Scoring an exam without
 * intervals costs about as much as 100 draws (0.8 ms against 5.6 us a
 * draw on a 2-core 2026 machine), so the cap is about a minute of one
 * core: 100 000 exams without intervals, 9 000 at the default 1 000 draws,
 * 990 at 10 000. Bigger pipelines use `radloc batch`. */
#define RADLOC_SERVE_BATCH_WORK 10000000L
#define RADLOC_SERVE_LINE_COST 100

/* Tolerance for "sums to 1": hand-written weights with two decimals. */
#define RADLOC_SUM_TOLERANCE 0.001

/* Diagnostics reported for one rule set before the loader stops listing. */
#define RADLOC_MAX_DIAGNOSTICS 100

/* One diagnostic message, including the quoted offending value. */
#define RADLOC_MAX_MESSAGE_BYTES 512

/* Two lesions at once are sought among this many leading single lesions
 * (by posterior): the pairs of the 10 leaders, 45 pairs of up to 4 x 4
 * severities or extents, keep the cost of an exam bounded, while every
 * pair of the rule set (some 10 000) would multiply it a hundredfold.
 * A pair neither of whose parts leads is neglected: its posterior is at
 * most the pair prior's share times the product of two singles' Bayes
 * factors that both rank below the tenth (docs/scoring.md, "Two lesions
 * at once"). */
#define RADLOC_PAIR_CANDIDATES 10

#endif
