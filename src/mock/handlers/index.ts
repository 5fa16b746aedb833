import type { RequestHandler } from "msw";
import type { Store } from "../store/store.js";
export function allHandlers(_store: () => Store): RequestHandler[] { return []; }
