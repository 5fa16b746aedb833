// conversations.uploadFile: Rails ActiveStorage's direct upload in two steps:
// describe the file (name, size, base64 MD5, type) to get a blob with a
// signed_id and an upload URL, then PUT the bytes there. The signed_id then
// goes in a JSON message's `attachments`.
import { md5 } from "./md5.js";
import type { Core, RequestOptions } from "../core.js";
import { unwrap } from "../response-shape.js";
import type { components } from "../types.js";
import { positiveId } from "../validate.js";
import { type AttachmentFile, checkFile } from "./attachment-files.js";

export type DirectUpload = components["schemas"]["DirectUpload"];

export async function uploadFile(core: Core, id: number, file: AttachmentFile, options?: RequestOptions): Promise<DirectUpload> {
  positiveId("conversation_id", id);
  const checked = checkFile("file", file);
  const bytes = await checked.blob.arrayBuffer();
  // ActiveStorage checks the upload against this checksum (storage answers 422 on a mismatch).
  const checksum = btoa(String.fromCharCode(...md5(new Uint8Array(bytes))));
  const blob = await core.call(
    "createConversationDirectUpload",
    options,
    { conversation_id: id },
    () => ({ body: { blob: { filename: checked.filename, byte_size: checked.size, checksum, content_type: checked.contentType } } }),
    unwrap({ direct_upload: "object" }, (wire: DirectUpload) => wire),
  );
  await core.upload(blob.direct_upload.url, blob.direct_upload.headers ?? {}, bytes, options);
  return blob;
}
