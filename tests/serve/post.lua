-- wrk: POST the demo exam to /v1/score and count any answer that is not 200.
local f = io.open("fixtures/exams/demo.json", "r")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

local bad = 0
function response(status, headers, body)
	if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
	io.write(string.format("non-200 answers: %d\n", bad))
	io.write(string.format("errors: connect %d, read %d, write %d, timeout %d\n",
		summary.errors.connect, summary.errors.read, summary.errors.write,
		summary.errors.timeout))
	io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
	io.write(string.format("latency p50 %.1f ms, p99 %.1f ms\n",
		latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
