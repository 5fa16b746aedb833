// POST conversations/{id}/direct_uploads: Api::V1::Accounts::Conversations::DirectUploadsController
// (app/controllers/api/v1/accounts/conversations/direct_uploads_controller.rb), a
// subclass of Rails' ActiveStorage::DirectUploadsController: no token check,
// an unknown conversation answers 204, an unknown account Rails' own 404.
// The simulator skips the CSRF check a production server makes (the spec's
// 422), so that the upload flow can be tried end to end: the blob's
// `direct_upload.url` accepts the PUT, and its `signed_id` works in a message's
// `attachments`.
import { http, HttpResponse, type HttpHandler } from "msw";
import type { Attachment } from "../store/types.js";
import { json, type StoreRef } from "./context.js";
import { asId, BodyParseError, readParams, str, toInt } from "../params.js";
import { ANY_ORIGIN, api } from "./router.js";

const fileType = (contentType: string): Attachment["file_type"] =>
  contentType.startsWith("image/") ? "image" : contentType.startsWith("audio/") ? "audio" : contentType.startsWith("video/") ? "video" : "file";

export function directUploadHandlers(storeRef: StoreRef): HttpHandler[] {
  return [
    api.post("/api/v1/accounts/{account_id}/conversations/{conversation_id}/direct_uploads", async ({ request, params }): Promise<Response> => {
      const store = storeRef();
      const account = store.accounts.get(asId(params.account_id) ?? -1);
      if (!account) return json({ status: 404, error: "Not Found" }, 404);
      const conversation = store.conversationByDisplayId(account.id, asId(params.conversation_id) ?? -1);
      if (!conversation) return new HttpResponse(null, { status: 204 });
      // An unparsable JSON body is Rails' ParseError: the same 400 as a missing blob.
      const body = await readParams(request).catch((error: unknown) => {
        if (error instanceof BodyParseError) return {} as Record<string, unknown>;
        throw error;
      });
      const blob = body.blob;
      if (blob === null || typeof blob !== "object" || Array.isArray(blob)) return json({ status: 400, error: "Bad Request" }, 400);
      const b = blob as Record<string, unknown>;
      // permit(:filename, :byte_size, :checksum, …) drops a hash or an array; then
      // Blob.create_before_direct_upload!(filename:, byte_size:, checksum:) fails on a missing
      // keyword, the NOT NULL byte_size or the checksum presence validation, all unrescued
      // in ActiveStorage's controller: Rails' 500.
      const scalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
      if (!scalar(b.filename) || !scalar(b.byte_size) || !scalar(b.checksum) || String(b.checksum).trim() === "") {
        return json({ status: 500, error: "Internal Server Error" }, 500);
      }
      // The integer column's cast: Ruby's to_i (true is 1).
      const byteSize = typeof b.byte_size === "boolean" ? Number(b.byte_size) : toInt(b.byte_size);
      const id = store.nextId("blobs");
      const key = Array.from({ length: 28 }, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789"[(id * 7 + i * 13) % 36]).join("");
      const filename = str(b.filename) ?? "file";
      const contentType = str(b.content_type) ?? "application/octet-stream";
      const signedId = `${btoa(JSON.stringify({ _rails: { data: id, pur: "blob_id" } }))}--${key}`;
      const origin = new URL(request.url).origin;
      const kind = fileType(contentType);
      const now = store.now();
      store.blobs.set(signedId, {
        id, key, signed_id: signedId, filename, content_type: contentType, byte_size: byteSize, checksum: str(b.checksum) ?? "", metadata: {}, created_at: now,
        attachment: {
          file_type: kind, extension: /\.([^.]+)$/.exec(filename)?.[1] ?? null, content_type: contentType, file_size: byteSize, width: null, height: null,
          data_url: `${origin}/rails/active_storage/blobs/redirect/${signedId}/${encodeURIComponent(filename)}`,
          thumb_url: kind === "image" ? `${origin}/rails/active_storage/representations/redirect/${signedId}/${encodeURIComponent(filename)}` : "",
          meta: null, fallback_title: null, coordinates_lat: null, coordinates_long: null,
        },
      });
      return json({
        id, key, filename, content_type: contentType,
        // permit(metadata: {}) keeps a hash only: an array or a scalar is dropped.
        metadata: b.metadata !== null && typeof b.metadata === "object" && !Array.isArray(b.metadata) ? b.metadata : {},
        service_name: "local", byte_size: byteSize, checksum: str(b.checksum) ?? null,
        created_at: new Date(now * 1000).toISOString(), signed_id: signedId,
        direct_upload: { url: `${origin}/rails/active_storage/disk/${key}/${encodeURIComponent(filename)}`, headers: { "Content-Type": contentType } },
      });
    }),
    // ActiveStorage::DiskController#update: takes the bytes, answers 204.
    http.put(`${ANY_ORIGIN}/rails/active_storage/disk/:key/:filename`, () => new HttpResponse(null, { status: 204 })),
  ];
}
