#!/bin/sh
# How much do the teaching-case verdicts depend on the two judgement
# priors (multiradiculopathy and mononeuropathy)? Scales each by 0.5 and 2
# (the other pattern priors shrink or grow to keep the sum 1), reruns every
# case and counts verdicts and leaders that change. docs/scoring.md cites
# the table this prints.
#   RADLOC=build/radloc sh tests/prior_sensitivity.sh [CASES]
RADLOC=${RADLOC:-build/radloc}
CASES=${1:-fixtures/cases}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

run() { # rules-dir -> lines "id pass leader"
	$RADLOC check "$CASES" --format json --rules "$1" 2>/dev/null |
		jq -r '[.id, (.pass | tostring), (.leader // "-")] | join("\t")' | sort
}

scaled() { # factor-multi factor-mono -> rule dir
	d="$tmp/rules-$1-$2"
	mkdir -p "$d"
	cp rules/*.yaml "$d/"
	awk -v fm="$1" -v fn="$2" '
		/^  [a-z_]+:/ { name = $1; sub(":", "", name) }
		{ lines[NR] = $0; names[NR] = name }
		/^    prior: / { p[name] = $2; at[name] = NR }
		END {
			m = p["multiradiculopathy"]; n = p["mononeuropathy"]
			rest = (1 - fm * m - fn * n) / (1 - m - n)
			for (k in at) {
				v = p[k] * rest
				if (k == "multiradiculopathy") v = p[k] * fm
				if (k == "mononeuropathy") v = p[k] * fn
				lines[at[k]] = sprintf("    prior: %.6f", v)
			}
			for (i = 1; i <= NR; i++) print lines[i]
		}' rules/patterns.yaml > "$d/patterns.yaml"
	echo "$d"
}

run rules > "$tmp/base"
total=$(wc -l < "$tmp/base")
passed=$(awk -F'\t' '$2 == "true"' "$tmp/base" | wc -l)
printf '%-44s %8s %16s %16s\n' "priors" "passed" "verdicts changed" "leaders changed"
printf '%-44s %5s/%-3s %16s %16s\n' "as shipped" "$passed" "$total" "-" "-"
for scenario in "0.5 1" "2 1" "1 0.5" "1 2"; do
	set -- $scenario
	d=$(scaled "$1" "$2")
	run "$d" > "$tmp/s"
	p=$(awk -F'\t' '$2 == "true"' "$tmp/s" | wc -l)
	v=$(join -t "$(printf '\t')" "$tmp/base" "$tmp/s" | awk -F'\t' '$2 != $4' | wc -l)
	l=$(join -t "$(printf '\t')" "$tmp/base" "$tmp/s" | awk -F'\t' '$3 != $5' | wc -l)
	printf '%-44s %5s/%-3s %16s %16s\n' "multiradiculopathy x$1, mononeuropathy x$2" "$p" "$total" "$v" "$l"
	join -t "$(printf '\t')" "$tmp/base" "$tmp/s" | awk -F'\t' '$2 != $4 { printf "    %s: %s -> %s (leader %s)\n", $1, ($2 == "true" ? "pass" : "fail"), ($4 == "true" ? "pass" : "fail"), $5 }'
done
