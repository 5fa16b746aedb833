// What `npm run mock` prints once it is ready: the URL and copy-paste curl
// lines, built from the spec (paths and example names are looked up, so they
// follow the spec when it changes).

const METHODS = ["get", "post", "put", "patch", "delete"];

/** The URL to show for a listening address (wildcard addresses shown as loopback). */
export function displayUrl(host, port) {
  if (host === "0.0.0.0") host = "127.0.0.1";
  if (host === "::") host = "::1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

function findOperation(doc, operationId) {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      if (item?.[method]?.operationId === operationId) return { path, operation: item[method] };
    }
  }
  return undefined;
}

/** `/api/v1/accounts/{account_id}/conversations/{conversation_id}` → `/api/v1/accounts/1/conversations/1`. */
const fill = (path) => path.replace(/\{[^}]+\}/g, "1");

function exampleNames(operation) {
  const content = operation?.responses?.["200"]?.content ?? {};
  return Object.keys(Object.values(content)[0]?.examples ?? {});
}

export function banner({ url, dynamic, seed, doc, prismVersion }) {
  const list = findOperation(doc, "listConversations");
  const get = findOperation(doc, "getConversation");
  const names = exampleNames(get?.operation);
  const named = names.includes("snoozed") ? "snoozed" : names[1] ?? names[0];
  const auth = "-H 'api_access_token: dev'";
  const lines = [
    "",
    `Chatwoot API mock (Prism ${prismVersion}, ${dynamic ? `dynamic data, seed "${seed}"` : "examples from the spec"}) ready on ${url}`,
    `  spec: dist/openapi.yaml (re-run \`npm run bundle\` and the mock reloads)`,
    "  auth: send any api_access_token header; without one you get the 401 Chatwoot sends",
    "",
    "Try:",
  ];
  if (list) lines.push(`  curl -s ${auth} ${url}${fill(list.path)}`);
  if (get && named) lines.push(`  curl -s ${auth} -H 'Prefer: example=${named}' ${url}${fill(get.path)}`);
  if (get) lines.push(`  curl -si ${auth} -H 'Prefer: code=404' ${url}${fill(get.path)}`);
  if (list) lines.push(`  curl -si ${auth} -H 'Prefer: code=429' ${url}${fill(list.path)}`);
  lines.push("", "More (named examples, errors, dynamic data): the README's mock server section. Ctrl-C stops the mock.", "");
  return lines.join("\n");
}
