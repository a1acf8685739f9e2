/* One exam of a batch: parsed, scored, written as a result line or an
 * error line (see batch_line.h). */
#include "batch_line.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exam_id.h"

/* The first problem is the one the error line names. */
static void keep_first(const radloc_diag *diag, void *user)
{
	batch_line *b = user;
	if (b->have_error)
		return;
	b->have_error = 1;
	b->line = diag->line;
	b->column = diag->column;
	snprintf(b->message, sizeof b->message, "%s", diag->message);
}

static void set_error(batch_line *b, unsigned long line, const char *message)
{
	b->have_error = 1;
	b->line = line;
	b->column = 1;
	snprintf(b->message, sizeof b->message, "%s", message);
}

/* {"input_line": N, "id": ID or null, "error": {"line": L, "column": C,
 * "message": M}}; NULL when out of memory. */
static char *error_line(unsigned long input_line, const char *id, unsigned long line,
                        unsigned long column, const char *message)
{
	json_t *root = json_object(), *err = json_object();
	/* An id that is not valid UTF-8 cannot be echoed: null, not a guess. */
	json_t *idv = id ? json_string(id) : NULL;
	json_t *msg = json_string(message);
	/* json_object_set_new takes the value even when it fails: no leak on
	 * any path, one check at the end. */
	int bad = json_object_set_new(root, "input_line",
	                              json_integer((json_int_t)input_line)) != 0;
	bad |= json_object_set_new(root, "id", idv ? idv : json_null()) != 0;
	bad |= json_object_set_new(err, "line", json_integer((json_int_t)line)) != 0;
	bad |= json_object_set_new(err, "column", json_integer((json_int_t)column)) != 0;
	bad |= json_object_set_new(err, "message",
	                           msg ? msg : json_string("(message not valid UTF-8)")) != 0;
	bad |= json_object_set_new(root, "error", err) != 0;
	char *text = bad ? NULL : json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT);
	json_decref(root);
	return text;
}

/* The input line of the exam leads the result, so a pipeline joins output
 * to input even when ids are missing or repeated: "{...}" becomes
 * "{"input_line":N,...}". The result is compact JSON that starts with '{'.
 * Frees and clears *text when out of memory. */
static int with_input_line(char **text, unsigned long input_line)
{
	char head[40];
	int n = snprintf(head, sizeof head, "{\"input_line\":%lu,", input_line);
	size_t rest = strlen(*text + 1);
	char *joined = malloc((size_t)n + rest + 1);
	if (joined)
		memcpy(joined, head, (size_t)n), memcpy(joined + n, *text + 1, rest + 1);
	free(*text);
	*text = joined;
	return joined ? 0 : -1;
}

void batch_line_score(const radloc_rules *rules, radloc_scorer *scorer,
                      const char *name, const char *data, size_t size,
                      unsigned long first_line, int too_long, batch_line *out)
{
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	char id[RADLOC_MAX_ERROR_ID_BYTES];

	free(out->text);
	memset(out, 0, sizeof *out);
	if (too_long) {
		char message[96];
		snprintf(message, sizeof message,
		         "exam longer than the limit of %zu bytes; skipped",
		         (size_t)RADLOC_MAX_EXAM_BYTES);
		set_error(out, first_line, message);
	} else {
		radloc_status s = radloc_exam_parse(rules, data, size, name, first_line,
		                                    keep_first, out, &exam);
		if (s == RADLOC_OK) {
			s = radloc_score(scorer, exam, &res);
			if (s != RADLOC_OK)
				set_error(out, first_line, radloc_strerror(s));
		}
		if (s == RADLOC_ERR_NOMEM || s == RADLOC_ERR_INTERNAL || s == RADLOC_ERR_NUMERIC)
			out->internal = 1;
		if (s == RADLOC_OK && radloc_result_json(res, 0, &out->text) != RADLOC_OK)
			out->internal = 1;
		if (out->text && with_input_line(&out->text, first_line) != 0)
			out->internal = 1;
	}
	if (out->text == NULL) {
		out->failed = 1;
		if (!out->have_error)
			set_error(out, first_line, "internal error");
		int has_id = !too_long && exam_id_peek(data, size, id, sizeof id);
		out->text = error_line(first_line, has_id ? id : NULL, out->line,
		                       out->column, out->message);
		if (out->text == NULL)
			out->internal = 1;
	}
	radloc_result_free(&res);
	radloc_exam_free(&exam);
}
