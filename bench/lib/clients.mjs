// The clients the bench compares (raw fetch, openapi-fetch used directly, this client,
// an axios instance, and any --alt build), over HTTP and, for the in-process mode, over a
// fake fetch that answers from memory. Every client returns the same unwrapped payload.
import { ACCOUNT_ID, TOKEN, listBody, toggleBody } from "../data.mjs";
import { fromSrc } from "./options.mjs";

const fail = (what, status) => {
  throw new Error(`${what}: HTTP ${status}`);
};

/** The clients measured over HTTP, each with list(page) and toggle(id); `alts` from resolveAlts(). */
export async function makeClients(baseUrl, alts) {
  const { createChatwootClient } = fromSrc ? await import("../../src/index.ts") : await import("../../dist/index.js");
  const { default: createClient } = await import("openapi-fetch");
  const { default: axios } = await import("axios");
  const listUrl = `${baseUrl}/api/v1/accounts/${ACCOUNT_ID}/conversations`;
  const headers = { api_access_token: TOKEN, accept: "application/json" };
  const postHeaders = { ...headers, "content-type": "application/json" };

  /** @type {import("openapi-fetch").Client<import("../../src/generated/schema.js").paths>} */
  const api = createClient({ baseUrl, headers: { api_access_token: TOKEN } });
  const api2 = createClient({ baseUrl, headers: { api_access_token: TOKEN } });
  const chatwoot = createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID });
  // What the npm Chatwoot wrappers do: an axios instance with the token as a default header.
  const ax = axios.create({ baseURL: baseUrl, headers });

  const extra = {};
  for (const { name, file, label } of alts) {
    const mod = await import(file);
    const alt = mod.createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID });
    extra[name] = {
      label,
      list: (page) => alt.conversations.list({ page }),
      toggle: (id) => alt.conversations.toggleStatus(id, { status: "resolved" }),
    };
  }

  // Every client returns the same thing: the unwrapped payload ({meta,payload} for list, the result for toggle).
  return {
    ...extra,
    fetch: {
      label: "raw fetch + json()",
      async list(page) {
        const res = await fetch(`${listUrl}?page=${page}`, { headers });
        if (!res.ok) fail("list", res.status);
        return (await res.json()).data;
      },
      async toggle(id) {
        const res = await fetch(`${listUrl}/${id}/toggle_status`, {
          method: "POST",
          headers: postHeaders,
          body: JSON.stringify({ status: "resolved" }),
        });
        if (!res.ok) fail("toggle", res.status);
        return (await res.json()).payload;
      },
    },
    "openapi-fetch": { label: "openapi-fetch (createClient<paths>)", ...openapiFetchCalls(api) },
    "openapi-fetch-aa": { label: "openapi-fetch, a second instance (A/A control)", ...openapiFetchCalls(api2) },
    client: {
      label: `this client (${fromSrc ? "src via tsx" : "dist/index.js"})`,
      list: (page) => chatwoot.conversations.list({ page }),
      toggle: (id) => chatwoot.conversations.toggleStatus(id, { status: "resolved" }),
    },
    axios: {
      label: `axios ${axios.VERSION} instance`,
      async list(page) {
        const res = await ax.get(`/api/v1/accounts/${ACCOUNT_ID}/conversations`, { params: { page } });
        return res.data.data;
      },
      async toggle(id) {
        const res = await ax.post(`/api/v1/accounts/${ACCOUNT_ID}/conversations/${id}/toggle_status`, { status: "resolved" });
        return res.data.payload;
      },
    },
  };
}

/** list and toggle through openapi-fetch used directly, as its README shows. */
function openapiFetchCalls(api) {
  return {
    async list(page) {
      const { data, response } = await api.GET("/api/v1/accounts/{account_id}/conversations", {
        params: { path: { account_id: ACCOUNT_ID }, query: { page } },
      });
      if (!data) fail("list", response.status);
      return data.data;
    },
    async toggle(id) {
      const { data, response } = await api.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status", {
        params: { path: { account_id: ACCOUNT_ID, conversation_id: id } },
        body: { status: "resolved" },
      });
      if (!data) fail("toggle", response.status);
      return data.payload;
    },
  };
}

/** Same answers from every client (or those named), or the comparison means nothing. */
export async function checkClients(clients, names = Object.keys(clients)) {
  for (const [name, c] of Object.entries(clients).filter(([name]) => names.includes(name))) {
    const page = await c.list(3);
    if (page?.payload?.length !== 25 || page.payload[0].id !== 51 || page.meta?.all_count !== 10_000) {
      throw new Error(`${name}: list(3) returned an unexpected shape`);
    }
    const t = await c.toggle(42);
    if (t?.conversation_id !== 42 || t.current_status !== "resolved" || t.success !== true) {
      throw new Error(`${name}: toggle(42) returned an unexpected shape`);
    }
  }
}

// i-th request of a batch: page (i mod 400) + 1, conversation id i + 1. The same sequence for every client.
export const call = (c, endpoint, i) => (endpoint === "list" ? c.list((i % 400) + 1) : c.toggle((i % 10_000) + 1));

// The same four clients, each given a fake fetch that answers from memory with a
// fresh Response (same bytes and headers as bench/server.mjs). What is left is
// each client's own JavaScript cost on top of building a Response and parsing it:
// the number the network modes cannot show on a busy 2-core machine, where
// syscalls and the scheduler add noise larger than the differences.
function fakeFetch() {
  const pages = Array.from({ length: 16 }, (_, i) => Buffer.from(JSON.stringify(listBody(i + 1))));
  const headers = (len) => ({
    "content-type": "application/json; charset=utf-8",
    "content-length": String(len),
    "cache-control": "max-age=0, private, must-revalidate",
    etag: 'W/"0123456789abcdef"',
    "x-request-id": "bench",
    "x-runtime": "0.004",
    vary: "Accept, Origin",
  });
  return async function fetch(input, init) {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const toggle = /\/conversations\/(\d+)\/toggle_status/.exec(url);
    if (toggle) {
      const body = Buffer.from(JSON.stringify(toggleBody(Number(toggle[1]), "resolved")));
      return new Response(body, { status: 200, headers: headers(body.length) });
    }
    const page = Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? 1);
    const body = pages[(page - 1) % pages.length];
    return new Response(body, { status: 200, headers: headers(body.length) });
  };
}

export async function makeOverheadClients(baseUrl, alts) {
  const fake = fakeFetch();
  const { createChatwootClient } = fromSrc ? await import("../../src/index.ts") : await import("../../dist/index.js");
  const { default: createClient } = await import("openapi-fetch");
  const { default: axios } = await import("axios");
  const listUrl = `${baseUrl}/api/v1/accounts/${ACCOUNT_ID}/conversations`;
  const headers = { api_access_token: TOKEN, accept: "application/json" };
  /** @type {import("openapi-fetch").Client<import("../../src/generated/schema.js").paths>} */
  const api = createClient({ baseUrl, headers: { api_access_token: TOKEN }, fetch: fake });
  const api2 = createClient({ baseUrl, headers: { api_access_token: TOKEN }, fetch: fake });
  const chatwoot = createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID, fetch: fake });
  // axios's own fetch adapter is the only way to hand it a fetch; its default (node:http) adapter can't skip sockets.
  const ax = axios.create({ baseURL: baseUrl, headers, adapter: "fetch", env: { fetch: fake } });
  const clients = {
    fetch: {
      list: async (page) => (await (await fake(`${listUrl}?page=${page}`, { headers })).json()).data,
      toggle: async (id) =>
        (await (await fake(`${listUrl}/${id}/toggle_status`, { method: "POST", headers, body: JSON.stringify({ status: "resolved" }) })).json()).payload,
    },
    "openapi-fetch": openapiFetchCalls(api),
    "openapi-fetch-aa": openapiFetchCalls(api2),
    client: {
      list: (page) => chatwoot.conversations.list({ page }),
      toggle: (id) => chatwoot.conversations.toggleStatus(id, { status: "resolved" }),
    },
    axios: {
      list: async (page) => (await ax.get(`/api/v1/accounts/${ACCOUNT_ID}/conversations`, { params: { page } })).data.data,
      toggle: async (id) => (await ax.post(`/api/v1/accounts/${ACCOUNT_ID}/conversations/${id}/toggle_status`, { status: "resolved" })).data.payload,
    },
  };
  for (const { name, file } of alts) {
    const mod = await import(file);
    const alt = mod.createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID, fetch: fake });
    clients[name] = {
      list: (page) => alt.conversations.list({ page }),
      toggle: (id) => alt.conversations.toggleStatus(id, { status: "resolved" }),
    };
  }
  return clients;
}

