/* The radloc command line: shared declarations of the subcommands. */
#ifndef RADLOC_CLI_H
#define RADLOC_CLI_H

#include <stdio.h>

#include "radloc.h"

/* Exit codes (docs/radloc.1): stable, for pipelines. */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 1,
	EXIT_RULES = 2,
	EXIT_INPUT = 3,
	EXIT_INTERNAL = 4
};

/* The exit code of a library status (docs/radloc.1): 0 for OK; 4 for
 * what is not the input's fault (out of memory, a numerical failure, a
 * bug); otherwise input_code, the input being read (EXIT_RULES or
 * EXIT_INPUT). */
int cli_exit_code(radloc_status s, int input_code);

/* Writes to standard output are checked once, at the end (main.c): a
 * failed write sets the stream's error flag, which stays set even when
 * glibc drops the buffer and a later fflush succeeds. The reason (errno)
 * does not stay: cli_note_write() keeps it right after a write, and
 * cli_write_failed() records a failure of a write made without stdio. */
void cli_note_write(void);
void cli_write_failed(int err);

/* The exit code once the command is done: flushes and closes standard
 * output; if any write failed, prints "radloc: cannot write: REASON" and
 * returns EXIT_INTERNAL, whatever rc was (a lost result outranks a bad
 * input: the caller must not think the output whole). Else rc. */
int cli_finish_output(int rc);

/* Prints a diagnostic as FILE:LINE:COLUMN: message on stderr. */
void cli_print_diag(const radloc_diag *diag, void *user);

/* The rule set to use: --rules PATH, else $RADLOC_RULES, else the rules
 * installed beside the binary (BIN/../share/radloc/rules), else the
 * compiled-in share directory, else the source tree's rules/. */
const char *cli_rules_path(const char *option);

/* Load rules, printing problems; returns EXIT_OK or EXIT_RULES/INTERNAL. */
int cli_load_rules(const char *option, radloc_rules **out);

int cmd_rules(int argc, char **argv);
void help_rules(FILE *out);
int cmd_score(int argc, char **argv);
void help_score(FILE *out);
int cmd_batch(int argc, char **argv);
void help_batch(FILE *out);
int cmd_check(int argc, char **argv);
void help_check(FILE *out);
/* A verdict as one JSON line: {"file", "id", "pass", "expected", "within",
 * "rank", "probability", "leader", "pattern", "missing_flags"}; with res
 * NULL, {"file", "id", "pass": false, "error": error} (verdict_json.c).
 * 0 and *out (freed with free()) on success, -1 out of memory. */
int cli_verdict_json(const char *file, const radloc_case *c, const radloc_result *res,
                     const radloc_verdict *v, const char *error, char **out);
int cmd_serve(int argc, char **argv);
void help_serve(FILE *out);
int cmd_map(int argc, char **argv);
void help_map(FILE *out);

/* The body chart of a scored exam as SVG in memory (cmd_map.c; the page
 * of `radloc serve` shows the same). *svg is freed with free(). */
int map_render(const radloc_rules *rules, const radloc_exam *exam,
               const radloc_result *res, char **svg, size_t *size);

/* Read a whole exam file ("-" = standard input) and parse it; prints
 * problems as FILE:LINE:COLUMN: message. Returns an exit code. */
int cli_read_exam(const radloc_rules *rules, const char *path,
                  radloc_exam **out);

/* --from FORMAT (cli/from.c): whether FORMAT is known; the names, comma
 * separated; read an exam in FORMAT as cli_read_exam does. */
int cli_from_known(const char *name);
void cli_from_names(FILE *out);
int cli_from_read(const radloc_rules *rules, const char *name, const char *path,
                  radloc_exam **out);

struct cli_options;

/* What score and map share: read the exam named by the options' argument
 * (none or "-" = standard input), score it with the options' settings
 * (default_top hypotheses unless --top), and print any problem, as
 * "radloc COMMAND: ..." when it is not in the exam. Returns an exit code;
 * the caller frees *exam and *res, whatever it is. */
int cli_read_and_score(const radloc_rules *rules, const struct cli_options *o,
                       const char *command, size_t default_top,
                       radloc_exam **exam, radloc_result **res);

#endif
