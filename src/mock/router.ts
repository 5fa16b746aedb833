// Picks the handlers a request can match before msw's getResponse sees it.
// getResponse tries every handler in turn (cloning the request and compiling
// its path pattern each time): with ~45 handlers that costs more than the
// simulated work itself. Patterns compiled once here keep the order and the
// first-match rule; a handler whose method or path is not a plain string
// (a custom RequestHandler) is always passed on.
import type { RequestHandler } from "msw";

interface Route {
  handler: RequestHandler;
  method?: string;
  pattern?: RegExp;
}

function route(handler: RequestHandler): Route {
  const info = (handler as { info?: { method?: unknown; path?: unknown } }).info;
  if (typeof info?.method !== "string" || typeof info.path !== "string") return { handler };
  let path = info.path.replace(/^\*(?=\/)/, "");
  if (/^https?:\/\//.test(path) || path.includes("*") || path.includes("(")) return { handler }; // left to msw
  path = path.replace(/[.+?^$|[\]\\{}]/g, "\\$&").replace(/:[A-Za-z0-9_]+/g, "[^/]+");
  return { handler, method: info.method.toUpperCase(), pattern: new RegExp(`^${path}/?$`) };
}

/** A function from (method, pathname) to the handlers, in order, that may answer it. */
export function handlerRouter(handlers: RequestHandler[]): (method: string, pathname: string) => RequestHandler[] {
  const routes = handlers.map(route);
  return (method, pathname) => {
    const out: RequestHandler[] = [];
    for (const r of routes) {
      if (!r.pattern || ((r.method === method || r.method === "ALL") && r.pattern.test(pathname))) out.push(r.handler);
    }
    return out;
  };
}
