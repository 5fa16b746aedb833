// conversations.uploadFile: ActiveStorage's direct upload against real node:http
// servers on 127.0.0.1: the blob request (name, size, base64 MD5 computed by
// node:crypto here, type), then the PUT of the bytes with the headers the server
// gave, to the same origin or to another one (storage), which never gets the token.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError, UnprocessableEntityError, type ChatwootClient } from "../../src/index.js";
import { json, rejectionOf, startFaultServer, TOKEN, type FaultServer, type Handler } from "../helpers/fault-server.js";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const md5 = (bytes: Buffer) => createHash("md5").update(bytes).digest("base64");

let api: FaultServer;
let storage: FaultServer;
let chatwoot: ChatwootClient;
beforeEach(async () => {
  [api, storage] = await Promise.all([startFaultServer(), startFaultServer()]);
  chatwoot = createChatwootClient({ baseUrl: api.origin, apiAccessToken: TOKEN, accountId: 3, maxRetries: 1 });
});
afterEach(() => Promise.all([api.close(), storage.close()]));

/** Answers the blob request as ActiveStorage::DirectUploadsController#create does, uploading to `target`. */
function blobAnswer(target: FaultServer): Handler {
  return (_req, res, body) => {
    const { blob } = JSON.parse(body.toString()) as { blob: { filename: string; byte_size: number; checksum: string; content_type: string } };
    json(200, {
      id: 9012, key: "7w1q5m0c2u9hz3kq8b4v6n1r", filename: blob.filename, content_type: blob.content_type, metadata: {}, service_name: "local",
      byte_size: blob.byte_size, checksum: blob.checksum, created_at: "2026-11-28T07:10:00.000Z", signed_id: "eyJfcmFpbHMiOnsiZGF0YSI6OTAxMn19--5c1d",
      direct_upload: { url: target.url("/rails/active_storage/disk/eyJfcmFpbHMi"), headers: { "Content-Type": blob.content_type, "Content-MD5": blob.checksum } },
    })(_req, res, body);
  };
}

/** The storage side: checks the bytes against Content-MD5 like ActiveStorage's disk service. */
const storeChecked: Handler = (req, res, body) => {
  const ok = req.headers["content-md5"] === md5(body);
  res.writeHead(ok ? 204 : 422, ok ? {} : { "content-type": "application/json" }).end(ok ? undefined : '{"status":422,"error":"Unprocessable Entity"}');
};

describe("conversations.uploadFile", () => {
  it("describes the file, PUTs the bytes to the same origin, and returns the blob with its signed_id", async () => {
    api.enqueue(blobAnswer(api), storeChecked);
    const blob = await chatwoot.conversations.uploadFile(1042, { data: PDF, filename: "return-label.pdf", contentType: "application/pdf" });
    expect(blob.signed_id).toBe("eyJfcmFpbHMiOnsiZGF0YSI6OTAxMn19--5c1d");

    const [describeRequest, put] = api.requests;
    expect(describeRequest!.method).toBe("POST");
    expect(describeRequest!.url).toBe("/api/v1/accounts/3/conversations/1042/direct_uploads");
    expect(describeRequest!.body.toString()).toBe(
      `{"blob":{"filename":"return-label.pdf","byte_size":${PDF.length},"checksum":"${md5(PDF)}","content_type":"application/pdf"}}`,
    );
    expect(put!.method).toBe("PUT");
    expect(put!.url).toBe("/rails/active_storage/disk/eyJfcmFpbHMi");
    expect(put!.body.equals(PDF)).toBe(true);
    expect(put!.headers["content-type"]).toBe("application/pdf");
  });

  it("sends the bytes to another origin (S3-like storage) without the API token", async () => {
    api.enqueue(blobAnswer(storage));
    storage.enqueue(storeChecked);
    const file = new File([PDF], "label.pdf", { type: "application/pdf" });
    await chatwoot.conversations.uploadFile(1042, file);
    expect(api.requests[0]!.headers["api_access_token"]).toBe(TOKEN);
    expect(storage.count).toBe(1);
    expect(storage.requests[0]!.headers["api_access_token"]).toBeUndefined();
    expect(storage.requests[0]!.body.equals(PDF)).toBe(true);
  });

  it("retries the PUT (idempotent) but never the blob request", async () => {
    const busy: Handler = json(503, { error: "busy" });
    api.enqueue(blobAnswer(storage));
    storage.enqueue(busy, storeChecked);
    await chatwoot.conversations.uploadFile(1042, { data: PDF, filename: "a.pdf", contentType: "application/pdf" });
    expect(storage.count).toBe(2);

    api.enqueue(busy, busy);
    await expect(chatwoot.conversations.uploadFile(1042, { data: PDF, filename: "a.pdf", contentType: "application/pdf" })).rejects.toMatchObject({ status: 503 });
    expect(api.count).toBe(2); // the first call's blob request + one (not retried) here
  });

  it("a storage refusal (bad checksum) is a typed error", async () => {
    api.enqueue(blobAnswer(api), (_req, res) => res.writeHead(422, { "content-type": "application/json" }).end('{"status":422,"error":"Unprocessable Entity"}'));
    await rejectionOf(chatwoot.conversations.uploadFile(1042, { data: PDF, filename: "a.pdf", contentType: "application/pdf" }), UnprocessableEntityError);
  });

  it("refuses a bad file before sending anything", async () => {
    const error = await rejectionOf(chatwoot.conversations.uploadFile(1042, { data: PDF, filename: "a.exe", contentType: "application/x-msdownload" }), InvalidRequestError);
    expect(error.param).toBe("file.contentType");
    await rejectionOf(chatwoot.conversations.uploadFile(0, { data: PDF, filename: "a.pdf", contentType: "application/pdf" }), InvalidRequestError);
    expect(api.count).toBe(0);
  });
});

describe("conversations.uploadFile with a broken answer", () => {
  it("a blob answer without an absolute upload URL is an InvalidResponseError, and nothing is PUT", async () => {
    const { InvalidResponseError } = await import("../../src/index.js");
    api.enqueue(
      json(200, {
        id: 9012, key: "k", filename: "a.pdf", content_type: "application/pdf", byte_size: PDF.length, checksum: md5(PDF),
        created_at: "2026-11-28T07:10:00.000Z", signed_id: "s--1", direct_upload: { url: "/rails/active_storage/disk/x", headers: {} },
      }),
    );
    const error = await rejectionOf(chatwoot.conversations.uploadFile(1042, { data: PDF, filename: "a.pdf", contentType: "application/pdf" }), InvalidResponseError);
    expect(error.message).toContain("no absolute upload URL");
    expect(api.count).toBe(1);
  });
});
