/* libyaml's errors as located messages: the reader reports a byte offset
 * and the scanner a position that is sometimes past the file, so both are
 * turned into the line and column the person can find. */
#include "yaml_errors.h"

#include <stdio.h>
#include <string.h>

#include "textutil.h"

/* 1-based line and column (in characters, as libyaml counts them) of a
 * byte offset into UTF-8 data. CR LF, CR and LF each end a line. */
static void position_of(const char *data, size_t offset, unsigned long *line,
                        unsigned long *column)
{
	const unsigned char *s = (const unsigned char *)data;
	unsigned long l = 1, c = 1;
	size_t i = 0;

	/* A byte-order mark takes no column (libyaml skips it too). */
	if (offset >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	for (; i < offset; i++) {
		if (s[i] == '\n' ||
		    (s[i] == '\r' && (i + 1 == offset || s[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if (s[i] != '\r' && (s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*column = c;
}

/* A leading tab (after any spaces) on the line of a scanner error at that
 * very tab: libyaml then says "found character that cannot start any
 * token", which does not tell the person what to do. Returns the tab's
 * 1-based column, or 0. */
static unsigned long indenting_tab(const char *data, size_t size,
                                   yaml_mark_t m)
{
	unsigned long l = 1;
	size_t i = 0, spaces = 0;

	while (i < size && l < yt_line_of(m)) {
		if (data[i++] == '\n')
			l++;
	}
	while (i < size && data[i] == ' ') {
		i++;
		spaces++;
	}
	if (i < size && data[i] == '\t' && spaces == m.column)
		return spaces + 1;
	return 0;
}

/* libyaml's words for a line indented wrongly, which a person new to
 * YAML cannot act on (issue #16), said as what to change: the message is
 * `head`, where the enclosing block begins when libyaml says, then
 * `tail`. */
static const struct {
	const char *problem, *head, *tail;
} indentation[] = {
	{"mapping values are not allowed in this context",
	 "a key where none can start", "this line is indented more than the keys "
	 "above it (line it up with them), or a value holds ': ' (quote it)"},
	{"did not find expected key",
	 "this line is not indented like the keys of its block",
	 "line it up with them, or indent it under a key that ends with ':'"},
	{"did not find expected '-' indicator",
	 "this line is not indented like the list items of its block",
	 "line its '-' up with theirs"},
	{"block sequence entries are not allowed in this context",
	 "a '-' list item where no list can start",
	 "put the list on the lines below its key, indented"},
};

static int indentation_row(const char *problem)
{
	for (size_t i = 0; i < sizeof indentation / sizeof indentation[0]; i++)
		if (strcmp(problem, indentation[i].problem) == 0)
			return (int)i;
	return -1;
}

void yt_report_parser_error(rl_diagctx *d, const yaml_parser_t *p,
                            const char *data, size_t size, int documents)
{
	if (p->error == YAML_MEMORY_ERROR) {
		rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
		return;
	}
	const char *problem = p->problem ? p->problem : "malformed YAML";
	yaml_mark_t m = p->problem_mark;
	if (p->error == YAML_READER_ERROR) {
		/* The reader gives a byte offset and no line: its mark is where
		 * the scanner stood, often the start of the file. */
		size_t offset = p->problem_offset;
		unsigned long line, column;
		/* One exam of a stream: the offset counts from its start, not
		 * from the start of the file the line number refers to. */
		const char *of = d->line_offset ? " of the exam" : "";
		if (p->encoding != YAML_UTF8_ENCODING || offset > size) {
			rl_report(d, RADLOC_ERR_SYNTAX, 0, 0, "%s (offset %zu%s)",
			          problem, offset, of);
			return;
		}
		/* For a bad continuation byte libyaml names the byte after the
		 * sequence's first one; the person needs the first one (a
		 * Latin-1 'è' is the usual culprit). */
		size_t bad = rl_utf8_valid_prefix((const unsigned char *)data, size);
		if (bad <= offset) {
			position_of(data, bad, &line, &column);
			rl_report(d, RADLOC_ERR_SYNTAX, line, column,
			          "invalid UTF-8 (0x%02X at offset %zu%s); save the file "
			          "as UTF-8", (unsigned)(unsigned char)data[bad], bad, of);
			return;
		}
		position_of(data, offset, &line, &column);
		rl_report(d, RADLOC_ERR_SYNTAX, line, column,
		          "%s (0x%02X at offset %zu%s)", problem,
		          (unsigned)p->problem_value, offset, of);
		return;
	}
	/* At the end of the input libyaml starts a new line that is not in
	 * the file: report the end of the last real line instead. */
	unsigned long lines = 1, last_len = 0;
	for (size_t i = 0; i < size; i++) {
		if (data[i] == '\n' && i + 1 < size) {
			lines++;
			last_len = 0;
		} else if (data[i] != '\n' && data[i] != '\r') {
			last_len++;
		}
	}
	yaml_mark_t cm = p->context_mark;
	if (yt_line_of(m) > lines) {
		m.line = lines - 1;
		m.column = last_len;
	}
	if (yt_line_of(cm) > lines) {
		cm.line = lines - 1;
		cm.column = last_len;
	}
	unsigned long tab = p->error == YAML_SCANNER_ERROR
	                    ? indenting_tab(data, size, m) : 0;
	/* After a whole document libyaml wants "---" and says "did not find
	 * expected <document start>", which puzzles someone who left a word
	 * after a JSON object or pasted a second object below the first.
	 * (Before any document, after a %YAML directive, the words fit.) */
	if (!tab && documents > 0 && p->error == YAML_PARSER_ERROR &&
	    strcmp(problem, "did not find expected <document start>") == 0)
		rl_report(d, RADLOC_ERR_SYNTAX, yt_line_of(m), yt_column_of(m),
		          "text after the end of the document; expected one document");
	else if (tab)
		rl_report(d, RADLOC_ERR_SYNTAX, yt_line_of(m), tab,
		          "tab used for indentation; indent with spaces");
	else if (indentation_row(problem) >= 0) {
		int r = indentation_row(problem);
		char where[80] = "";
		if (p->context)
			snprintf(where, sizeof where, " (it begins at line %lu, column %lu)",
			         yt_line_of(cm) + d->line_offset, yt_column_of(cm));
		rl_report(d, RADLOC_ERR_SYNTAX, yt_line_of(m), yt_column_of(m), "%s%s: %s",
		          indentation[r].head, r == 0 ? "" : where, indentation[r].tail);
	}
	else if (p->context)
		rl_report(d, RADLOC_ERR_SYNTAX, yt_line_of(m), yt_column_of(m),
		          "%s %s (line %lu, column %lu)", problem, p->context,
		          yt_line_of(cm) + d->line_offset, yt_column_of(cm));
	else
		rl_report(d, RADLOC_ERR_SYNTAX, yt_line_of(m), yt_column_of(m), "%s",
		          problem);
}
