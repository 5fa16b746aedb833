// Files to attach to a message: checked before anything is sent, then encoded
// as multipart/form-data by the runtime's own FormData encoder (undici in Node,
// the browser's, the worker's), into bytes that survive a retry or a redirect.
import { InvalidRequestError } from "../errors.js";

/** A file given as bytes, with the name and MIME type Chatwoot stores. */
export interface FileData {
  data: Uint8Array | ArrayBuffer;
  filename: string;
  contentType: string;
}

/** A `File` (a `Blob` with a name), or bytes with a name and a MIME type. */
export type AttachmentFile = Blob | FileData;

/** Chatwoot's default `MAXIMUM_FILE_UPLOAD_SIZE` (40 MB, Rails megabytes), app/models/attachment.rb. */
export const MAX_ATTACHMENT_BYTES = 41_943_040; // 40 * 1024 * 1024
/** The Message model's limit on attachments per message. */
export const MAX_ATTACHMENTS = 15;

// Attachment::ACCEPTABLE_FILE_TYPES (app/models/attachment.rb); image/*, audio/*, video/* are accepted too.
const DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  "text/csv", "text/plain", "text/rtf", "text/xml", "application/json", "application/pdf", "application/xml",
  "application/zip", "application/x-7z-compressed", "application/vnd.rar", "application/x-tar", "application/msword",
  "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/rtf", "application/vnd.oasis.opendocument.text",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/x-pkcs12", "application/pkcs12",
]);
// application/octet-stream is accepted only for these extensions (ACCEPTABLE_FILE_EXTENSIONS).
const GENERIC_TYPE_EXTENSIONS = ["pfx", "xml"];

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
// Control characters do not survive a multipart header; path separators make Rack keep only the last part.
const BAD_FILENAME_CHARS = /[\u0000-\u001f\u007f/\\]/;

/** One file, checked and in the shape FormData takes. */
export interface CheckedFile {
  blob: Blob;
  filename: string;
  contentType: string;
  size: number;
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

/** Checks one file: a name, a MIME type Chatwoot accepts, a size within the limit. */
export function checkFile(param: string, file: unknown): CheckedFile {
  let blob: Blob;
  let filename: unknown;
  let contentType: unknown;
  if (isBlob(file)) {
    filename = (file as Partial<File>).name;
    if (typeof filename !== "string") {
      throw new InvalidRequestError(param, "a Blob has no file name: pass a File, or { data, filename, contentType }");
    }
    contentType = file.type;
    blob = file;
  } else if (typeof file === "object" && file !== null && "data" in file) {
    ({ filename, contentType } = file as FileData);
    const { data } = file as FileData;
    if (!(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) {
      throw new InvalidRequestError(`${param}.data`, "must be a Uint8Array (or Buffer) or an ArrayBuffer");
    }
    blob = new Blob([data as BlobPart], { type: typeof contentType === "string" ? contentType.toLowerCase() : "" });
  } else {
    throw new InvalidRequestError(param, "must be a File/Blob, { data, filename, contentType }, or a signed blob id string");
  }
  const name = checkFilename(`${param}.filename`, filename);
  const type = checkContentType(`${param}.contentType`, contentType, name);
  if (blob.size === 0) throw new InvalidRequestError(param, `"${name}" is empty`);
  if (blob.size > MAX_ATTACHMENT_BYTES) {
    throw new InvalidRequestError(param, `"${name}" is ${blob.size} bytes; Chatwoot accepts at most ${MAX_ATTACHMENT_BYTES} (40 MB) per file`);
  }
  return { blob, filename: name, contentType: type, size: blob.size };
}

function checkFilename(param: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new InvalidRequestError(param, "must be a non-empty file name");
  if (!value.isWellFormed()) throw new InvalidRequestError(param, "must be well-formed Unicode");
  if (BAD_FILENAME_CHARS.test(value)) throw new InvalidRequestError(param, "must not contain control characters, / or \\");
  if (new TextEncoder().encode(value).length > 255) throw new InvalidRequestError(param, "must be at most 255 bytes (UTF-8)");
  return value;
}

function checkContentType(param: string, value: unknown, filename: string): string {
  if (typeof value !== "string" || value === "") {
    throw new InvalidRequestError(param, `is missing for "${filename}": give the file's MIME type, e.g. application/pdf`);
  }
  const type = value.toLowerCase();
  if (!MIME_TYPE.test(type)) throw new InvalidRequestError(param, `must be a MIME type such as image/png, got ${JSON.stringify(value)}`);
  const extension = filename.includes(".") ? filename.slice(filename.lastIndexOf(".") + 1).toLowerCase() : "";
  const accepted =
    /^(image|audio|video)\//.test(type) ||
    DOCUMENT_TYPES.has(type) ||
    (type === "application/octet-stream" && GENERIC_TYPE_EXTENSIONS.includes(extension));
  if (!accepted) {
    throw new InvalidRequestError(param, `${type} is not a type Chatwoot accepts (images, audio, video, PDF, Office and OpenDocument files, text, CSV, JSON, XML, archives)`);
  }
  return type;
}

/**
 * Encodes text fields and files as multipart/form-data: the runtime's FormData
 * encoder picks the boundary and escapes names; the bytes are read once here.
 */
export async function encodeMultipart(fields: [string, string][], files: [string, CheckedFile | string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const [name, file] of files) {
    if (typeof file === "string") form.append(name, file);
    // A Blob of the checked type, so the part's Content-Type is exactly what was validated.
    else form.append(name, file.blob.type === file.contentType ? file.blob : new Blob([file.blob], { type: file.contentType }), file.filename);
  }
  const encoded = new Response(form);
  const contentType = encoded.headers.get("content-type");
  if (!contentType?.startsWith("multipart/form-data")) throw new Error("FormData did not encode as multipart/form-data"); // a runtime bug
  return { bytes: await encoded.arrayBuffer(), contentType };
}
