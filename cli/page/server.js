// Talking to radloc serve: a POST whose failure carries the server's
// located message (line, column) as the thrown error, and every problem
// the server found (e.problems) so a bad file is fixed in one pass.
export async function post(path, body, signal, accept) {
  const r = await fetch(path, { method: 'POST', body, signal, headers: { 'Content-Type': 'application/json', Accept: accept || 'application/json' } });
  const type = r.headers.get('Content-Type') || '';
  if (r.ok) return type.includes('json') ? r.json() : r.text();
  let err = { message: 'the server answered ' + r.status }, problems = null;
  try {
    const j = await r.json();
    if (j && j.error) err = j.error;
    if (j && Array.isArray(j.problems)) problems = j.problems;   // every located problem
  } catch (_) { /* not JSON */ }
  const e = new Error(err.message); e.status = r.status; e.line = err.line; e.column = err.column;
  e.problems = problems || [err];
  throw e;
}
