// Messages with files: the exact bytes on the wire, captured by a real
// node:http server on 127.0.0.1 and parsed by busboy (a multipart parser that,
// like Rack, reads parts by boundary, name, filename and Content-Type).
import { Readable } from "node:stream";
import busboy from "busboy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError, type ChatwootClient } from "../../src/index.js";
import { MAX_ATTACHMENT_BYTES } from "../../src/resources/attachment-files.js";
import { json, rejectionOf, startFaultServer, TOKEN, type FaultServer, type RecordedRequest } from "../helpers/fault-server.js";

interface Part {
  name: string;
  value?: string;
  filename?: string;
  mimeType?: string;
  bytes?: Buffer;
}

/** Parses a captured request body as a multipart server would. */
function parseMultipart(request: RecordedRequest): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    const parts: Part[] = [];
    const parser = busboy({ headers: request.headers, defParamCharset: "utf8" });
    parser.on("field", (name, value) => parts.push({ name, value }));
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => parts.push({ name, filename: info.filename, mimeType: info.mimeType, bytes: Buffer.concat(chunks) }));
    });
    parser.on("close", () => resolve(parts));
    parser.on("error", reject);
    Readable.from([request.body]).pipe(parser);
  });
}

const MESSAGE = { id: 88401, content: "Invoice attached", message_type: 1, content_type: "text", private: false, attachments: [] };
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let server: FaultServer;
let chatwoot: ChatwootClient;
beforeEach(async () => {
  server = await startFaultServer();
  chatwoot = createChatwootClient({ baseUrl: server.origin, apiAccessToken: TOKEN, accountId: 3, maxRetries: 2 });
});
afterEach(() => server.close());

describe("messages.create with files: the wire", () => {
  it("sends multipart/form-data with one attachments[] part per file, names and types intact", async () => {
    server.enqueue(json(200, MESSAGE));
    const photo = new File([PNG], "Foto do recibo ñ.png", { type: "image/png" });
    const result = await chatwoot.conversations.messages.create(1042, {
      content: "Invoice attached",
      private: true,
      content_attributes: { in_reply_to: 88342 },
      echo_id: "tmp-7",
      attachments: [{ data: PDF, filename: "invoice-2041.pdf", contentType: "application/pdf" }, photo],
    });
    expect(result).toEqual(MESSAGE);

    const [request] = server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/api/v1/accounts/3/conversations/1042/messages");
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(request!.headers["api_access_token"]).toBe(TOKEN);
    expect(Number(request!.headers["content-length"])).toBe(request!.body.length);
    const boundary = request!.headers["content-type"]!.split("boundary=")[1]!;
    // Recorded wire bytes: the parts in order, each framed by the boundary.
    const wire = request!.body.toString("latin1");
    expect(wire.startsWith(`--${boundary}\r\n`)).toBe(true);
    expect(wire.endsWith(`--${boundary}--\r\n`)).toBe(true);
    expect(wire).toContain(`Content-Disposition: form-data; name="attachments[]"; filename="invoice-2041.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    expect(wire).toContain(`Content-Disposition: form-data; name="content"\r\n\r\nInvoice attached\r\n`);

    expect(await parseMultipart(request!)).toEqual([
      { name: "content", value: "Invoice attached" },
      { name: "private", value: "true" },
      { name: "content_attributes", value: '{"in_reply_to":88342}' },
      { name: "echo_id", value: "tmp-7" },
      { name: "attachments[]", filename: "invoice-2041.pdf", mimeType: "application/pdf", bytes: PDF },
      { name: "attachments[]", filename: "Foto do recibo ñ.png", mimeType: "image/png", bytes: Buffer.from(PNG) },
    ]);
  });

  it("mixes files and signed blob ids as attachments[] parts; ids alone go as JSON", async () => {
    server.enqueue(json(200, MESSAGE), json(200, MESSAGE));
    await chatwoot.conversations.messages.create(1042, { attachments: ["eyJfcmFpbHMiOnsiZGF0YSI6OTAxMn19--5c1d", { data: PNG, filename: "a.png", contentType: "IMAGE/PNG" }] });
    const parts = await parseMultipart(server.requests[0]!);
    expect(parts.map((p) => [p.name, p.value ?? p.filename, p.mimeType])).toEqual([
      ["attachments[]", "eyJfcmFpbHMiOnsiZGF0YSI6OTAxMn19--5c1d", undefined],
      ["attachments[]", "a.png", "image/png"],
    ]);

    await chatwoot.conversations.messages.create(1042, { content: "see file", attachments: ["eyJfcmFpbHMiOnsiZGF0YSI6OTAxMn19--5c1d"] });
    const request = server.requests[1]!;
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body.toString())).toEqual({ content: "see file", attachments: ["eyJfcmFpbHMiOnsiZGF0YSI6OTAxMn19--5c1d"] });
  });

  it("is never retried after it may have reached the server (a 503 is returned, not resent)", async () => {
    server.enqueue(json(503, { error: "busy" }));
    const attempt = chatwoot.conversations.messages.create(1042, { attachments: [{ data: PDF, filename: "x.pdf", contentType: "application/pdf" }] });
    await expect(attempt).rejects.toMatchObject({ status: 503 });
    expect(server.count).toBe(1);
  });

  it("is resent with identical bytes after a 429 (the server refused it before reading)", async () => {
    server.enqueue(json(429, { error: "slow down" }, { "retry-after": "0" }), json(200, MESSAGE));
    await chatwoot.conversations.messages.create(1042, { content: "x", attachments: [{ data: PDF, filename: "x.pdf", contentType: "application/pdf" }] });
    expect(server.count).toBe(2);
    expect(server.requests[1]!.body.equals(server.requests[0]!.body)).toBe(true);
    expect(server.requests[1]!.headers["content-type"]).toBe(server.requests[0]!.headers["content-type"]);
  });
});

describe("messages.create with files: refused before sending", () => {
  const pdf = (over: object = {}) => ({ data: PDF, filename: "x.pdf", contentType: "application/pdf", ...over });
  it.each([
    ["a file over 40 MB", { attachments: [pdf({ data: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) })] }, "attachments[0]"],
    ["an empty file", { attachments: [pdf({ data: new Uint8Array(0) })] }, "attachments[0]"],
    ["a type Chatwoot refuses", { attachments: [pdf({ contentType: "application/x-msdownload", filename: "setup.exe" })] }, "attachments[0].contentType"],
    ["octet-stream for a .bin", { attachments: [pdf({ contentType: "application/octet-stream", filename: "blob.bin" })] }, "attachments[0].contentType"],
    ["a malformed type", { attachments: [pdf({ contentType: "pdf" })] }, "attachments[0].contentType"],
    ["no type", { attachments: [pdf({ contentType: "" })] }, "attachments[0].contentType"],
    ["no file name", { attachments: [pdf({ filename: " " })] }, "attachments[0].filename"],
    ["a path as file name", { attachments: [pdf({ filename: "../etc/passwd.pdf" })] }, "attachments[0].filename"],
    ["a newline in the name", { attachments: [pdf({ filename: "a\r\nb.pdf" })] }, "attachments[0].filename"],
    ["a Blob without a name", { attachments: [new Blob([PDF], { type: "application/pdf" })] }, "attachments[0]"],
    ["data that is not bytes", { attachments: [pdf({ data: "text" })] }, "attachments[0].data"],
    ["16 files", { attachments: Array.from({ length: 16 }, () => pdf()) }, "attachments"],
    ["template_params with files", { template_params: { name: "x", category: "UTILITY", language: "en" }, attachments: [pdf()] }, "template_params"],
    ["an empty signed id", { attachments: [""] }, "attachments[0]"],
    ["nothing to send", { private: true }, "content"],
  ])("%s", async (_name, params, param) => {
    const error = await rejectionOf(chatwoot.conversations.messages.create(1042, params as never), InvalidRequestError);
    expect(error.param).toBe(param);
    expect(server.count).toBe(0);
  });

  it("accepts application/octet-stream for .xml and .pfx (Attachment::ACCEPTABLE_FILE_EXTENSIONS)", async () => {
    server.enqueue(json(200, MESSAGE));
    await chatwoot.conversations.messages.create(1042, { attachments: [pdf({ filename: "cert.PFX", contentType: "application/octet-stream" })] });
    expect(server.count).toBe(1);
  });
});
