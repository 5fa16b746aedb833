// `Prefer: code=NNN` for the MSW doors (setupWorker, setupServer), which have
// no file system: the spec comes from the caller, e.g.
//
//   import spec from "chatwoot-conversations/openapi.json" with { type: "json" };
//   setupWorker(errorStates(spec), ...handlers)
//
// Requests without that header fall through to the simulator's handlers.
import { http, HttpResponse, type RequestHandler } from "msw";
import { errorState, preferredError } from "./error-states.js";
import { specDocument, type JsonObject } from "./spec-document.js";

/** An MSW handler answering `Prefer: code=NNN` as the HTTP door does; put it before the simulator's handlers. */
export function errorStates(spec: object): RequestHandler {
  const doc = specDocument(spec as JsonObject);
  return http.all("*/api/v1/*", ({ request }) => {
    const wanted = preferredError(request.headers.get("prefer"));
    if (!wanted) return undefined;
    const found = doc.match(request.method, new URL(request.url).pathname);
    if (!found) return undefined;
    const state = errorState(doc, found.operation, wanted.code, wanted.example);
    return new HttpResponse(state.body, { status: state.status, headers: { "Content-Type": state.contentType } });
  });
}
