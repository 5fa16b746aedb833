// A tiny Chatwoot stand-in for the consumer tests: a node:http server on
// 127.0.0.1 (free port) that answers GET /api/v1/accounts/1/conversations with
// a known page, checks the token, answers CORS preflights (the browser test
// calls it from another origin) and records every request it saw.
import http from "node:http";
import { conversationPage } from "../../client/fixtures.js";
import { listenOnLoopback } from "../../helpers/loopback.js";

export const CONSUMER_TOKEN = "consumer-token-8fK2";
/** The ids of the page every consumer must get back. */
export const PAGE_IDS = [101, 102, 103];

export interface SeenRequest {
  method: string;
  url: string;
  token: string | undefined;
}

export interface ApiServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "api_access_token, content-type",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE",
};

export async function startApiServer(): Promise<ApiServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const token = req.headers["api_access_token"];
    requests.push({ method: req.method ?? "", url: req.url ?? "", token: typeof token === "string" ? token : undefined });
    if (req.method === "OPTIONS") return void res.writeHead(204, CORS).end();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (token !== CONSUMER_TOKEN) {
      return void res.writeHead(401, { ...CORS, "content-type": "application/json" }).end('{"error":"Invalid Access Token"}');
    }
    if (req.method === "GET" && url.pathname === "/api/v1/accounts/1/conversations") {
      return void res.writeHead(200, { ...CORS, "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(conversationPage(PAGE_IDS)));
    }
    res.writeHead(404, { ...CORS, "content-type": "application/json" }).end('{"error":"not found"}');
  });
  const { url, close } = await listenOnLoopback(server);
  return { url, requests, close };
}

/** What every consumer prints after its call: the ids and the `all_count` it parsed. */
export const expectedResult = () => ({ ids: PAGE_IDS, allCount: conversationPage(PAGE_IDS).data.meta.all_count });
