// One-off A/B helper for the profile findings in bench/RESULTS.md: writes patched
// copies of the CURRENT dist/index.js to bench/.variants/, each removing one cost
// of the per-call path, so its share can be measured next to the real build:
//
//   npm run -s build && node bench/ab-variants.mjs
//   node bench/run.mjs --modes=overhead,seq,conc --rounds=4 --skip=memory,pipeline --no-write \
//     --alt=bench/.variants/direct.js,bench/.variants/direct-lean.js --only=fetch,client,alt:direct,alt:direct-lean,axios
//
// These are measurements, not fixes: `nobuffer`, `noabort` and `notimer` drop
// features (buffering, caller/timeout aborts) outright. The patches match the
// bundle text exactly and fail loudly once src/ changes, which is the point.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = fs.readFileSync(path.join(here, "..", "dist", "index.js"), "utf8");
const out = path.join(here, ".variants");

function patch(text, from, to) {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`ab-variants: expected one occurrence in dist/index.js, found ${n}:\n${from.slice(0, 120)}`);
  return text.replace(from, () => to);
}

/** Responses returned as fetch gave them (no arrayBuffer copy, no new Headers/Response). */
const nobuffer = (s) => patch(s, "async function bufferResponse(response, url) {", "async function bufferResponse(response, url) {\n\treturn response;");

/** No linkSignals / raceAbort listeners (the AbortControllers are still created). */
const noabort = (s) =>
  patch(
    patch(s, "function linkSignals(signals, controller) {", "function linkSignals(signals, controller) {\n\treturn () => {};"),
    "function raceAbort(promise, signal) {",
    "function raceAbort(promise, signal) {\n\treturn promise;",
  );

/** No per-attempt setTimeout/clearTimeout. */
function notimer(s) {
  const i = s.indexOf("const timer = ctx.timeoutMs <= MAX_TIMER_MS");
  const j = s.indexOf(";", s.indexOf("}, ctx.timeoutMs)", i));
  if (i < 0 || j < 0) throw new Error("ab-variants: timer code not found");
  return s.slice(0, i) + "const timer = void 0" + s.slice(j);
}

/**
 * The suggested fix, keeping every feature: no openapi-fetch Request per call
 * (URL and JSON body built directly, the typed `paths` still drive the calls),
 * the transport takes (url, init) without new Request()/request.arrayBuffer()/
 * new Headers(request.headers), and the response body is read once as text
 * instead of arrayBuffer → new Response → text().
 */
function direct(s) {
  s = patch(s, "\tconst raw = createClient({\n\t\tbaseUrl,\n\t\tfetch: transport.fetch\n\t});", "\tconst raw = fastRaw(baseUrl);");
  s = patch(
    s,
    "//#region src/api-promise.ts",
    `function fastRaw(baseUrl) {
	const enc = encodeURIComponent;
	const make = (method) => async (path, { params = {}, body, fetch }) => {
		let url = baseUrl + path.replace(/\\{(\\w+)\\}/g, (_, k) => enc(String(params.path[k])));
		const q = params.query;
		if (q) {
			const parts = [];
			for (const k in q) {
				const v = q[k];
				if (v === undefined) continue;
				if (Array.isArray(v)) for (const x of v) parts.push(\`\${enc(k)}=\${enc(x)}\`);
				else parts.push(\`\${enc(k)}=\${enc(v)}\`);
			}
			if (parts.length) url += "?" + parts.join("&");
		}
		const init = body === undefined ? { method } : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
		const response = await fetch(url, init);
		const text = response.bufferedText ?? await response.text();
		return response.ok ? { data: text, response } : { error: text, response };
	};
	return { GET: make("GET"), POST: make("POST"), PUT: make("PUT"), PATCH: make("PATCH"), DELETE: make("DELETE") };
}
//#region src/api-promise.ts`,
  );
  s = patch(
    s,
    "\t\t\t\tfetch: (request) => {\n\t\t\t\t\ttarget = {\n\t\t\t\t\t\tmethod: request.method,\n\t\t\t\t\t\turl: request.url\n\t\t\t\t\t};\n\t\t\t\t\treturn attemptFetch(request);\n\t\t\t\t}",
    "\t\t\t\tfetch: (input, init) => {\n\t\t\t\t\ttarget = {\n\t\t\t\t\t\tmethod: init.method,\n\t\t\t\t\t\turl: input\n\t\t\t\t\t};\n\t\t\t\t\treturn attemptFetch(input, init);\n\t\t\t\t}",
  );
  s = patch(
    s,
    "\t\tconst request = input instanceof Request && init === void 0 ? input : new Request(input, init);",
    '\t\tconst fast = typeof input === "string" && init !== void 0 && (init.body === void 0 || typeof init.body === "string");\n' +
      '\t\tconst request = fast ? { method: init.method ?? "GET", url: input, signal: void 0, headers: init.headers, body: init.body } : input instanceof Request && init === void 0 ? input : new Request(input, init);',
  );
  s = patch(s, "\t\t\t\tbody = await raceAbort(readRequestBody(request), caller);", "\t\t\t\tbody = fast ? request.body : await raceAbort(readRequestBody(request), caller);");
  s = s.includes("\t\t\t\tpassthrough: passthroughInit(init)")
    ? patch(s, "\t\t\t\tpassthrough: passthroughInit(init)", "\t\t\t\tpassthrough: fast ? {} : passthroughInit(init)")
    : patch(s, "\t\t\t\tpassthrough: {\n\t\t\t\t\t...requestSettings(request),", "\t\t\t\tpassthrough: fast ? {} : {\n\t\t\t\t\t...requestSettings(request),");
  s = patch(
    s,
    "async function bufferResponse(response, url) {",
    `async function bufferResponse(response, url) {
	if (!NULL_BODY_STATUSES.has(response.status)) {
		const text = await response.text();
		return { ok: response.ok, status: response.status, statusText: response.statusText, headers: response.headers, type: response.type, url, bufferedText: text, body: null };
	}`,
  );
  return s;
}

const variants = {
  nobuffer,
  noabort,
  notimer,
  direct,
  // direct + the abort/timer plumbing removed: the floor a leaner abort design could approach
  "direct-lean": (s) => notimer(noabort(direct(s))),
};
fs.mkdirSync(out, { recursive: true });
for (const [name, make] of Object.entries(variants)) {
  fs.writeFileSync(path.join(out, `${name}.js`), make(dist));
  console.log(`wrote bench/.variants/${name}.js`);
}
