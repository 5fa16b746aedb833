// Route builders: openapi-msw's `http`, typed by the generated `paths`
// (src/generated/schema.ts), matching /api/v1/... on any origin ("*"), so the
// same handlers serve setupServer in Node and setupWorker in a browser
// whatever base URL the app calls.
import { createOpenApiHttp } from "openapi-msw";
import type { paths } from "../../generated/schema.js";

export const api = createOpenApiHttp<paths>({ baseUrl: "*" });
/** For routes the spec does not describe (yet): msw's own `http` under the same base. */
export const untyped = api.untyped;
export const ANY_ORIGIN = "*";

/** `/api/v1/x/{id}` → msw's own `:id` syntax under the any-origin base, for `untyped` routes. */
export const mswPath = (template: string) => `${ANY_ORIGIN}${template.replace(/\{(\w+)\}/g, ":$1")}`;
