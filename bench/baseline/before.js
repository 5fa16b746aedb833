// dist/index.js as built from src/ BEFORE the hot-path rework of 2026-11-21 (transport.send, RequestPlan, single body read).
// Kept only as the "before" side of the bench: npm run bench -- --alt=bench/baseline/before.js
import createClient from "openapi-fetch";
//#region src/api-promise.ts
var ApiPromise = class {
	#result;
	constructor(result) {
		this.#result = result;
	}
	/** The parsed payload together with the raw `Response` (its body already read). */
	withResponse() {
		return this.#result;
	}
	then(onFulfilled, onRejected) {
		return this.#result.then((r) => r.data).then(onFulfilled, onRejected);
	}
	catch(onRejected) {
		return this.then(void 0, onRejected);
	}
	finally(onFinally) {
		return this.then().finally(onFinally);
	}
	get [Symbol.toStringTag]() {
		return "ApiPromise";
	}
};
//#endregion
//#region src/errors.ts
/**
* Error classes thrown by the SDK.
*
* Rules that every class follows:
* - `instanceof` works in ESM and CJS builds (prototype fixed in the base constructor).
* - Nothing here ever holds a Request, request headers or the API token, so
*   `String(err)`, `JSON.stringify(err)` and `util.inspect(err)` are safe to log.
* - `toJSON()` returns only a whitelist of fields.
*/
const SNIPPET_LENGTH = 200;
var ChatwootError = class extends Error {
	constructor(message, options) {
		super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
		Object.setPrototypeOf(this, new.target.prototype);
		this.name = "ChatwootError";
	}
	toJSON() {
		return {
			name: this.name,
			message: this.message
		};
	}
};
var ChatwootApiError = class extends ChatwootError {
	status;
	/** Response headers, lower-case names (`set-cookie` is dropped). */
	headers;
	body;
	method;
	url;
	requestId;
	constructor(args) {
		const body = parseMaybeJson(args.body);
		const method = args.method.toUpperCase();
		const serverMessage = extractServerMessage(body);
		super(serverMessage === void 0 ? `HTTP ${args.status} (${method} ${args.url})` : `${args.status} ${serverMessage} (${method} ${args.url})`);
		this.name = "ChatwootApiError";
		this.status = args.status;
		this.headers = plainHeaders(args.headers);
		this.body = body;
		this.method = method;
		this.url = args.url;
		this.requestId = this.headers["x-request-id"] ?? this.headers["request-id"];
	}
	toJSON() {
		return {
			name: this.name,
			message: this.message,
			status: this.status,
			method: this.method,
			url: this.url,
			requestId: this.requestId,
			body: this.body
		};
	}
};
var BadRequestError = class extends ChatwootApiError {
	constructor(args) {
		super(args);
		this.name = "BadRequestError";
	}
};
var AuthenticationError = class extends ChatwootApiError {
	constructor(args) {
		super(args);
		this.name = "AuthenticationError";
	}
};
var PermissionDeniedError = class extends ChatwootApiError {
	constructor(args) {
		super(args);
		this.name = "PermissionDeniedError";
	}
};
var NotFoundError = class extends ChatwootApiError {
	constructor(args) {
		super(args);
		this.name = "NotFoundError";
	}
};
var ConflictError = class extends ChatwootApiError {
	constructor(args) {
		super(args);
		this.name = "ConflictError";
	}
};
var UnprocessableEntityError = class extends ChatwootApiError {
	constructor(args) {
		super(args);
		this.name = "UnprocessableEntityError";
	}
};
var RateLimitError = class extends ChatwootApiError {
	constructor(args) {
		super(args);
		this.name = "RateLimitError";
	}
};
var InternalServerError = class extends ChatwootApiError {
	constructor(args) {
		super(args);
		this.name = "InternalServerError";
	}
};
/** Builds the error subclass matching `status` (unknown statuses get the base class). */
function apiErrorFromResponse(args) {
	switch (args.status) {
		case 400: return new BadRequestError(args);
		case 401: return new AuthenticationError(args);
		case 403: return new PermissionDeniedError(args);
		case 404: return new NotFoundError(args);
		case 409: return new ConflictError(args);
		case 422: return new UnprocessableEntityError(args);
		case 429: return new RateLimitError(args);
		default: return args.status >= 500 ? new InternalServerError(args) : new ChatwootApiError(args);
	}
}
/** The request could not be completed on the network (refused, DNS, reset, bad redirect). */
var ConnectionError = class extends ChatwootError {
	method;
	url;
	/** System error code found in the cause chain, e.g. `ECONNREFUSED`. */
	code;
	constructor(message, options = {}) {
		super(withTarget(message, options.method, options.url), { cause: options.cause });
		this.name = "ConnectionError";
		this.method = options.method;
		this.url = options.url;
		this.code = options.code;
	}
	toJSON() {
		return {
			name: this.name,
			message: this.message,
			method: this.method,
			url: this.url,
			code: this.code
		};
	}
};
/** One attempt (or the last of the retries) took longer than `timeoutMs`. */
var TimeoutError = class extends ChatwootError {
	timeoutMs;
	method;
	url;
	constructor(args) {
		super(withTarget(`Request timed out after ${args.timeoutMs} ms`, args.method, args.url));
		this.name = "TimeoutError";
		this.timeoutMs = args.timeoutMs;
		this.method = args.method;
		this.url = args.url;
	}
	toJSON() {
		return {
			name: this.name,
			message: this.message,
			timeoutMs: this.timeoutMs,
			method: this.method,
			url: this.url
		};
	}
};
/** The caller aborted the request through its AbortSignal. `cause` is the signal's reason. */
var AbortError = class extends ChatwootError {
	method;
	url;
	constructor(args = {}) {
		super(withTarget("Request was aborted", args.method, args.url), { cause: args.cause });
		this.name = "AbortError";
		this.method = args.method;
		this.url = args.url;
	}
	toJSON() {
		return {
			name: this.name,
			message: this.message,
			method: this.method,
			url: this.url
		};
	}
};
/** A 2xx response whose body is not what the API promised (e.g. HTML instead of JSON). */
var InvalidResponseError = class extends ChatwootError {
	status;
	method;
	url;
	/** First 200 characters of the body. */
	bodySnippet;
	constructor(args) {
		const method = args.method.toUpperCase();
		super(`${args.status} ${args.reason ?? "Response body is not valid JSON"} (${method} ${args.url})`);
		this.name = "InvalidResponseError";
		this.status = args.status;
		this.method = method;
		this.url = args.url;
		this.bodySnippet = args.body.slice(0, SNIPPET_LENGTH);
	}
	toJSON() {
		return {
			name: this.name,
			message: this.message,
			status: this.status,
			method: this.method,
			url: this.url,
			bodySnippet: this.bodySnippet
		};
	}
};
/** Bad input caught before anything was sent. */
var InvalidRequestError = class extends ChatwootError {
	param;
	constructor(param, message) {
		super(`Invalid ${param}: ${message}`);
		this.name = "InvalidRequestError";
		this.param = param;
	}
	toJSON() {
		return {
			name: this.name,
			message: this.message,
			param: this.param
		};
	}
};
function withTarget(message, method, url) {
	return method && url ? `${message} (${method.toUpperCase()} ${url})` : message;
}
function parseMaybeJson(body) {
	if (typeof body !== "string") return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}
function plainHeaders(headers) {
	const out = {};
	const entries = isHeaders(headers) ? headers.entries() : Object.entries(headers);
	for (const [name, value] of entries) {
		const key = name.toLowerCase();
		if (key === "set-cookie") continue;
		out[key] = String(value);
	}
	return out;
}
function isHeaders(value) {
	return typeof Headers !== "undefined" && value instanceof Headers;
}
/** Chatwoot answers with `{error}`, `{message, attributes}` or `{errors: [...]}`; proxies with text/HTML. */
function extractServerMessage(body) {
	if (typeof body === "string") return textMessage(body);
	if (body === null || typeof body !== "object") return void 0;
	const record = body;
	if (typeof record.error === "string" && record.error.trim()) return record.error.trim();
	if (typeof record.message === "string" && record.message.trim()) return record.message.trim();
	if (Array.isArray(record.errors)) {
		const parts = record.errors.map((item) => {
			if (typeof item === "string") return item;
			if (item && typeof item === "object" && typeof item.message === "string") return item.message;
		}).filter((item) => item !== void 0 && item.trim() !== "");
		if (parts.length > 0) return parts.join("; ");
	}
}
function textMessage(text) {
	let plain = text;
	if (/^\s*</.test(text)) plain = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1] ?? text.replace(/<[^>]*>/g, " ");
	const message = plain.replace(/\s+/g, " ").trim().slice(0, SNIPPET_LENGTH).trim();
	return message === "" ? void 0 : message;
}
//#endregion
//#region src/generated/operations.ts
const operations = [
	{
		"operationId": "addConversationParticipants",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants",
		"idempotent": false,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "assignConversation",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "createConversation",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations",
		"idempotent": false,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "createConversationMessage",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
		"idempotent": false,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "createDyteMeeting",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/integrations/dyte/create_a_meeting",
		"idempotent": false,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "createLabel",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/labels",
		"idempotent": false,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "deleteConversation",
		"method": "DELETE",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": true
	},
	{
		"operationId": "deleteLabel",
		"method": "DELETE",
		"path": "/api/v1/accounts/{account_id}/labels/{label_id}",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": true
	},
	{
		"operationId": "filterConversations",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/filter",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "getConversation",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "getConversationCounts",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/conversations/meta",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "getLabel",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/labels/{label_id}",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "getProfile",
		"method": "GET",
		"path": "/api/v1/profile",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "listAgents",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/agents",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "listConversationAttachments",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/attachments",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "listConversationLabels",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "listConversationMessages",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "listConversationParticipants",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "listConversations",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/conversations",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "listInboxAssignableAgents",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/inboxes/{inbox_id}/assignable_agents",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "listLabels",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/labels",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "markConversationRead",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/update_last_seen",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "markConversationUnread",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/unread",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "muteConversation",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/mute",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": true
	},
	{
		"operationId": "removeConversationParticipants",
		"method": "DELETE",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": true
	},
	{
		"operationId": "searchConversationMessages",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/conversations/search",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "searchConversations",
		"method": "GET",
		"path": "/api/v1/accounts/{account_id}/search/conversations",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "sendConversationTranscript",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/transcript",
		"idempotent": false,
		"idempotentWhen": null,
		"emptyResponse": true
	},
	{
		"operationId": "setConversationCustomAttributes",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "setConversationLabels",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "setConversationParticipants",
		"method": "PATCH",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "toggleConversationPriority",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": true
	},
	{
		"operationId": "toggleConversationStatus",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status",
		"idempotent": false,
		"idempotentWhen": "status",
		"emptyResponse": false
	},
	{
		"operationId": "unmuteConversation",
		"method": "POST",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}/unmute",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": true
	},
	{
		"operationId": "updateConversation",
		"method": "PATCH",
		"path": "/api/v1/accounts/{account_id}/conversations/{conversation_id}",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	},
	{
		"operationId": "updateLabel",
		"method": "PATCH",
		"path": "/api/v1/accounts/{account_id}/labels/{label_id}",
		"idempotent": true,
		"idempotentWhen": null,
		"emptyResponse": false
	}
];
//#endregion
//#region src/operations.ts
const byId = new Map(operations.map((op) => [op.operationId, op]));
function operation(operationId) {
	const op = byId.get(operationId);
	if (!op) throw new Error(`unknown operation ${operationId}`);
	return op;
}
/** Whether this particular call is safe to repeat (honours x-idempotent-when). */
function isIdempotentCall(op, body) {
	if (op.idempotent) return true;
	if (op.idempotentWhen === null || typeof body !== "object" || body === null) return false;
	return body[op.idempotentWhen] !== void 0;
}
const matchers = operations.map((op) => ({
	op,
	params: (op.path.match(/\{/g) ?? []).length,
	pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}/?$`)
})).sort((a, b) => a.params - b.params);
/** The operation a raw request targets, for requests made through `chatwoot.raw`. */
function findOperation(method, pathname) {
	const upper = method.toUpperCase();
	return matchers.find((m) => m.op.method === upper && m.pattern.test(pathname))?.op;
}
/** isIdempotent() for the transport: looks the request up in the generated table. */
function idempotencyResolver(basePath) {
	const prefix = basePath.replace(/\/+$/, "");
	return (method, url) => {
		const op = findOperation(method, url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname);
		return op ? op.idempotent : method.toUpperCase() === "GET";
	};
}
//#endregion
//#region src/validate.ts
function describe$1(value) {
	if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (value === null || value === void 0 || typeof value === "number" || typeof value === "boolean") return String(value);
	return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
function positiveId(param, value) {
	if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) throw new InvalidRequestError(param, `must be a positive integer, got ${describe$1(value)}`);
	return value;
}
function optionalPositiveId(param, value) {
	return value === void 0 ? void 0 : positiveId(param, value);
}
function positiveIds(param, values) {
	if (!Array.isArray(values) || values.length === 0) throw new InvalidRequestError(param, `must be a non-empty array of positive integers, got ${describe$1(values)}`);
	return values.map((value, i) => positiveId(`${param}[${i}]`, value));
}
function oneOf(param, value, allowed) {
	if (!allowed.includes(value)) throw new InvalidRequestError(param, `must be one of ${allowed.join(", ")}, got ${describe$1(value)}`);
	return value;
}
function optionalOneOf(param, value, allowed) {
	return value === void 0 ? void 0 : oneOf(param, value, allowed);
}
function nonEmptyString(param, value) {
	if (typeof value !== "string" || value.trim() === "") throw new InvalidRequestError(param, `must be a non-empty string, got ${describe$1(value)}`);
	return value;
}
/** An optional free-text query value; must be well-formed Unicode to survive URL encoding. */
function queryString(param, value) {
	if (value === void 0) return void 0;
	if (typeof value !== "string") throw new InvalidRequestError(param, `must be a string, got ${describe$1(value)}`);
	if (!value.isWellFormed()) throw new InvalidRequestError(param, "must be well-formed Unicode (it has a lone surrogate)");
	return value;
}
/** Label titles: non-empty strings without commas (the server splits on commas). */
function labelList(param, values, { allowEmpty = true } = {}) {
	if (!Array.isArray(values) || !allowEmpty && values.length === 0) throw new InvalidRequestError(param, `must be ${allowEmpty ? "an" : "a non-empty"} array of label titles, got ${describe$1(values)}`);
	return values.map((value, i) => {
		const title = nonEmptyString(`${param}[${i}]`, value);
		if (!title.isWellFormed()) throw new InvalidRequestError(`${param}[${i}]`, "must be well-formed Unicode");
		if (title.includes(",")) throw new InvalidRequestError(`${param}[${i}]`, `must not contain a comma, got ${describe$1(value)}`);
		return title;
	});
}
function plainObject(param, value) {
	if (typeof value !== "object" || value === null || Array.isArray(value)) throw new InvalidRequestError(param, `must be an object, got ${describe$1(value)}`);
	return value;
}
function email(param, value) {
	const text = nonEmptyString(param, value);
	if (!/^[^\s@]+@[^\s@]+$/.test(text)) throw new InvalidRequestError(param, `must be an email address, got ${describe$1(value)}`);
	return text;
}
/** A future point in time as unix seconds (the wire format), from a Date or unix seconds. */
function futureUnixSeconds(param, value, now = Date.now()) {
	let seconds;
	if (value instanceof Date) seconds = Math.floor(value.getTime() / 1e3);
	else if (typeof value === "number" && Number.isFinite(value)) seconds = Math.floor(value);
	else throw new InvalidRequestError(param, `must be a Date or unix seconds, got ${describe$1(value)}`);
	if (!Number.isSafeInteger(seconds)) throw new InvalidRequestError(param, "must be a valid date");
	if (seconds > 1e11) throw new InvalidRequestError(param, "must be unix SECONDS; this looks like milliseconds");
	if (seconds * 1e3 <= now) throw new InvalidRequestError(param, "must be in the future");
	return seconds;
}
/**
* Refuses fields the endpoint does not know: the server would silently ignore
* them, so a typo (`assigneeId`) would otherwise be lost without a trace.
* `keys` is checked against the generated type where it is declared.
*/
function knownKeys(param, value, keys) {
	const object = plainObject(param, value);
	for (const key of Object.keys(object)) if (!keys.includes(key)) throw new InvalidRequestError(key, `is not a field of this request (known: ${keys.join(", ")})`);
	return object;
}
//#endregion
//#region src/core.ts
var Core = class {
	constructor(raw, transport, defaultAccountId) {
		this.raw = raw;
		this.transport = transport;
		this.defaultAccountId = defaultAccountId;
	}
	accountId(options) {
		return options?.account_id === void 0 ? this.defaultAccountId : positiveId("account_id", options.account_id);
	}
	/**
	* Runs one operation. `prepare` validates the input (throwing
	* InvalidRequestError, which becomes a rejection: nothing is sent) and
	* returns the typed openapi-fetch call; `select` picks the payload out of
	* the server's envelope.
	*/
	call(operationId, options, prepare, select) {
		const op = operation(operationId);
		return new ApiPromise(Promise.resolve().then(async () => {
			const { exec, body } = prepare(this.accountId(options));
			const attemptFetch = this.transport.fetchWith({
				idempotent: isIdempotentCall(op, body),
				signal: options?.signal,
				timeoutMs: options?.timeoutMs,
				maxRetries: options?.maxRetries
			});
			let target = {
				method: op.method,
				url: ""
			};
			const { data, error, response } = await exec({
				parseAs: "text",
				fetch: (request) => {
					target = {
						method: request.method,
						url: request.url
					};
					return attemptFetch(request);
				}
			});
			if (!response.ok) throw apiErrorFromResponse({
				status: response.status,
				headers: response.headers,
				body: error,
				...target
			});
			const wire = parseBody(data, op.emptyResponse, response, target);
			return {
				data: select ? select(wire) : wire,
				response
			};
		}));
	}
};
function parseBody(text, emptyExpected, response, target) {
	const body = typeof text === "string" ? text : "";
	if (emptyExpected) return void 0;
	if (body.trim() === "") throw new InvalidResponseError({
		status: response.status,
		...target,
		body,
		reason: "Response body is empty, JSON was expected"
	});
	try {
		return JSON.parse(body);
	} catch {
		throw new InvalidResponseError({
			status: response.status,
			...target,
			body
		});
	}
}
//#endregion
//#region src/resources/agents.ts
var Agents = class {
	constructor(core) {
		this.core = core;
	}
	/** Every user of the account (unpaginated). */
	list(options) {
		return this.core.call("listAgents", options, (account_id) => ({ exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/agents", {
			params: { path: { account_id } },
			...init
		}) }));
	}
	/** Inbox members plus administrators: who may be assigned to, or join, conversations of the inbox. */
	assignable(inboxId, options) {
		return this.core.call("listInboxAssignableAgents", options, (account_id) => {
			const inbox_id = positiveId("inbox_id", inboxId);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/inboxes/{inbox_id}/assignable_agents", {
				params: { path: {
					account_id,
					inbox_id
				} },
				...init
			}) };
		}, (wire) => wire.payload);
	}
};
//#endregion
//#region src/generated/schema.ts
const conversationStatusFilterValues = [
	"open",
	"resolved",
	"pending",
	"snoozed",
	"all"
];
const assigneeTypeFilterValues = [
	"me",
	"unassigned",
	"assigned",
	"all"
];
const conversationSortByValues = [
	"last_activity_at_asc",
	"last_activity_at_desc",
	"created_at_asc",
	"created_at_desc",
	"priority_asc",
	"priority_desc",
	"waiting_since_asc",
	"waiting_since_desc",
	"priority_desc_created_at_asc",
	"unread"
];
const conversationTypeValues = [
	"mention",
	"participating",
	"unattended"
];
const conversationStatusValues = [
	"open",
	"resolved",
	"pending",
	"snoozed"
];
const conversationPriorityValues = [
	"low",
	"medium",
	"high",
	"urgent"
];
const filterOperatorValues = [
	"equal_to",
	"not_equal_to",
	"contains",
	"does_not_contain",
	"is_present",
	"is_not_present",
	"is_greater_than",
	"is_less_than",
	"days_before"
];
const createMessageRequestMessage_typeValues = ["outgoing", "incoming"];
//#endregion
//#region src/list-query.ts
function filtersQuery(params) {
	plainObject("params", params);
	return {
		status: optionalOneOf("status", params.status, conversationStatusFilterValues),
		assignee_type: optionalOneOf("assignee_type", params.assignee_type, assigneeTypeFilterValues),
		inbox_id: optionalPositiveId("inbox_id", params.inbox_id),
		team_id: optionalPositiveId("team_id", params.team_id),
		"labels[]": params.labels === void 0 ? void 0 : labelList("labels", params.labels),
		q: queryString("q", params.q),
		conversation_type: optionalOneOf("conversation_type", params.conversation_type, conversationTypeValues),
		source_id: queryString("source_id", params.source_id)
	};
}
function listQuery(params) {
	return {
		...filtersQuery(params),
		page: optionalPositiveId("page", params.page),
		sort_by: optionalOneOf("sort_by", params.sort_by, conversationSortByValues),
		updated_within: optionalPositiveId("updated_within", params.updated_within)
	};
}
//#endregion
//#region src/pagination.ts
var PageIterator = class {
	#page = 1;
	#buffer = [];
	#seen = /* @__PURE__ */ new Set();
	#yielded = 0;
	#done = false;
	constructor(fetchPage, limit = Infinity) {
		this.fetchPage = fetchPage;
		this.limit = limit;
	}
	#queue = Promise.resolve();
	/** Calls are served one after another, like an async generator's, so concurrent next() calls never race. */
	next() {
		const result = this.#queue.then(() => this.#step());
		this.#queue = result.catch(() => void 0);
		return result;
	}
	async #step() {
		while (this.#buffer.length === 0) {
			if (this.#done || this.#yielded >= this.limit) return this.#finish();
			const { items, hasMore } = await this.fetchPage(this.#page);
			this.#page += 1;
			this.#done = !hasMore;
			this.#buffer = items.filter((item) => !this.#seen.has(item.id));
			for (const item of this.#buffer) this.#seen.add(item.id);
		}
		if (this.#yielded >= this.limit) return this.#finish();
		this.#yielded += 1;
		return {
			done: false,
			value: this.#buffer.shift()
		};
	}
	async return() {
		return this.#finish();
	}
	[Symbol.asyncIterator]() {
		return this;
	}
	#finish() {
		this.#done = true;
		this.#buffer = [];
		return {
			done: true,
			value: void 0
		};
	}
};
//#endregion
//#region src/resources/conversation-labels.ts
const unwrap = (wire) => wire.payload;
var ConversationLabels = class {
	constructor(core) {
		this.core = core;
	}
	list(id, options) {
		return this.core.call("listConversationLabels", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels", {
				params: { path: {
					account_id,
					conversation_id
				} },
				...init
			}) };
		}, unwrap);
	}
	/** Replaces the labels with exactly these (the server's semantics); `[]` removes all. */
	set(id, labels, options) {
		return this.core.call("setConversationLabels", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			const body = { labels: labelList("labels", labels) };
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels", {
					params: { path: {
						account_id,
						conversation_id
					} },
					body,
					...init
				})
			};
		}, unwrap);
	}
	/** Adds labels, keeping the current ones (reads, unions, writes). */
	async add(id, labels, options) {
		positiveId("conversation_id", id);
		const wanted = labelList("labels", labels, { allowEmpty: false });
		const current = await this.list(id, options);
		const have = new Set(current.map((label) => label.toLowerCase()));
		const added = wanted.filter((label) => !have.has(label.toLowerCase()) && have.add(label.toLowerCase()));
		return this.set(id, [...current, ...added], options);
	}
	/** Removes these labels, keeping the others (reads, filters, writes). */
	async remove(id, labels, options) {
		positiveId("conversation_id", id);
		const unwanted = new Set(labelList("labels", labels, { allowEmpty: false }).map((l) => l.toLowerCase()));
		const current = await this.list(id, options);
		return this.set(id, current.filter((label) => !unwanted.has(label.toLowerCase())), options);
	}
};
//#endregion
//#region src/resources/custom-attributes.ts
var CustomAttributes = class {
	constructor(core, conversations) {
		this.core = core;
		this.conversations = conversations;
	}
	/** Replaces the custom attributes with exactly `attributes` (keys left out are deleted). */
	set(id, attributes, options) {
		return this.core.call("setConversationCustomAttributes", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			const body = { custom_attributes: plainObject("custom_attributes", attributes) };
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes", {
					params: { path: {
						account_id,
						conversation_id
					} },
					body,
					...init
				})
			};
		}, (wire) => wire.custom_attributes);
	}
	/** Changes only the given keys (reads, merges, writes); a key set to `undefined` is removed. */
	async merge(id, attributes, options) {
		positiveId("conversation_id", id);
		plainObject("custom_attributes", attributes);
		const { custom_attributes: current } = await this.conversations.get(id, options);
		const merged = {
			...current,
			...attributes
		};
		for (const [key, value] of Object.entries(attributes)) if (value === void 0) delete merged[key];
		return this.set(id, merged, options);
	}
};
//#endregion
//#region src/resources/messages.ts
const MESSAGE_KEYS = [
	"content",
	"message_type",
	"private",
	"content_type",
	"content_attributes",
	"template_params",
	"echo_id"
];
var Messages = class {
	constructor(core) {
		this.core = core;
	}
	/** Messages in ascending order: the latest 20, or older (`before`) / newer (`after`) than a message id. */
	list(id, params = {}, options) {
		return this.core.call("listConversationMessages", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			plainObject("params", params);
			const query = {
				before: optionalPositiveId("before", params.before),
				after: optionalPositiveId("after", params.after)
			};
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages", {
				params: {
					path: {
						account_id,
						conversation_id
					},
					query
				},
				...init
			}) };
		});
	}
	/** Sends a message or private note. Never retried after it may have reached the server. */
	create(id, body, options) {
		return this.core.call("createConversationMessage", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			knownKeys("body", body, MESSAGE_KEYS);
			optionalOneOf("message_type", body.message_type, createMessageRequestMessage_typeValues);
			if (body.content === void 0 && body.template_params === void 0 && body.content_attributes === void 0) throw new InvalidRequestError("content", "a message needs content (or template_params / content_attributes)");
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages", {
					params: { path: {
						account_id,
						conversation_id
					} },
					body,
					...init
				})
			};
		});
	}
};
//#endregion
//#region src/resources/participants.ts
var Participants = class {
	constructor(core) {
		this.core = core;
	}
	list(id, options) {
		return this.core.call("listConversationParticipants", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants", {
				params: { path: {
					account_id,
					conversation_id
				} },
				...init
			}) };
		});
	}
	/** Adds these users; returns only the participants just added. Not idempotent. */
	add(id, userIds, options) {
		return this.send("addConversationParticipants", "POST", id, userIds, options);
	}
	/** Makes the participants exactly these users; returns them all. */
	set(id, userIds, options) {
		return this.send("setConversationParticipants", "PATCH", id, userIds, options);
	}
	/** Removes these users from the participants. */
	remove(id, userIds, options) {
		return this.send("removeConversationParticipants", "DELETE", id, userIds, options);
	}
	send(operationId, method, id, userIds, options) {
		return this.core.call(operationId, options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			const body = { user_ids: positiveIds("user_ids", userIds) };
			const request = {
				params: { path: {
					account_id,
					conversation_id
				} },
				body
			};
			const path = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants";
			const raw = this.core.raw;
			return {
				body,
				exec: method === "POST" ? (init) => raw.POST(path, {
					...request,
					...init
				}) : method === "PATCH" ? (init) => raw.PATCH(path, {
					...request,
					...init
				}) : (init) => raw.DELETE(path, {
					...request,
					...init
				})
			};
		});
	}
};
//#endregion
//#region src/resources/conversations.ts
const PAGE_SIZE = 25;
var Conversations = class {
	labels;
	participants;
	customAttributes;
	messages;
	constructor(core, agents, currentUserId) {
		this.core = core;
		this.agents = agents;
		this.currentUserId = currentUserId;
		this.labels = new ConversationLabels(core);
		this.participants = new Participants(core);
		this.customAttributes = new CustomAttributes(core, this);
		this.messages = new Messages(core);
	}
	/** One page (25) of conversations and the counts of the whole query. */
	list(params = {}, options) {
		return this.core.call("listConversations", options, (account_id) => {
			const query = listQuery(params);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/conversations", {
				params: {
					path: { account_id },
					query
				},
				...init
			}) };
		}, (wire) => wire.data);
	}
	/** Every conversation of the query, page by page, each once. `limit` stops early. */
	iterate(params = {}, options) {
		const { limit, ...filters } = plainObject("params", params);
		const max = limit === void 0 ? Infinity : positiveId("limit", limit);
		listQuery(filters);
		const unpaged = filters.updated_within !== void 0;
		return new PageIterator(async (page) => {
			const { payload } = await this.list({
				...filters,
				page: unpaged ? void 0 : page
			}, options);
			return {
				items: payload,
				hasMore: !unpaged && payload.length >= PAGE_SIZE
			};
		}, max);
	}
	/** The four counts (mine, assigned, unassigned, all) for the filters. */
	counts(params = {}, options) {
		return this.core.call("getConversationCounts", options, (account_id) => {
			const { assignee_type: _ignored, ...query } = filtersQuery(params);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/conversations/meta", {
				params: {
					path: { account_id },
					query
				},
				...init
			}) };
		}, (wire) => wire.meta);
	}
	/** One page (25) of conversations matching the conditions. */
	filter(conditions, params = {}, options) {
		return this.core.call("filterConversations", options, (account_id) => {
			const body = { payload: filterConditions(conditions) };
			const page = optionalPositiveId("page", plainObject("params", params).page);
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/filter", {
					params: {
						path: { account_id },
						query: { page }
					},
					body,
					...init
				})
			};
		});
	}
	/** Every conversation matching the conditions, page by page, each once. */
	iterateFilter(conditions, iterateOptions = {}, options) {
		const { limit } = plainObject("iterateOptions", iterateOptions);
		const max = limit === void 0 ? Infinity : positiveId("limit", limit);
		filterConditions(conditions);
		return new PageIterator(async (page) => {
			const { payload } = await this.filter(conditions, { page }, options);
			return {
				items: payload,
				hasMore: payload.length >= PAGE_SIZE
			};
		}, max);
	}
	/** Conversations with a message containing `q` (message-content search), 25 per page. */
	searchMessages(params, options) {
		return this.core.call("searchConversationMessages", options, (account_id) => {
			const { q, status, assignee_type, inbox_id, team_id, "labels[]": labels } = filtersQuery(params);
			const query = {
				q,
				status,
				assignee_type,
				inbox_id,
				team_id,
				"labels[]": labels,
				page: optionalPositiveId("page", params.page)
			};
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/conversations/search", {
				params: {
					path: { account_id },
					query
				},
				...init
			}) };
		});
	}
	/** Conversations whose display id, contact name, email, phone or identifier match `q` (15 per page). */
	search(params, options) {
		return this.core.call("searchConversations", options, (account_id) => {
			const q = nonEmptyString("q", queryString("q", plainObject("params", params).q));
			const page = optionalPositiveId("page", params.page);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/search/conversations", {
				params: {
					path: { account_id },
					query: {
						q,
						page
					}
				},
				...init
			}) };
		}, (wire) => wire.payload.conversations);
	}
	get(id, options) {
		return this.core.call("getConversation", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}", {
				params: { path: {
					account_id,
					conversation_id
				} },
				...init
			}) };
		});
	}
	/** Creates a conversation. Never retried after it may have reached the server. */
	create(params, options) {
		return this.core.call("createConversation", options, (account_id) => {
			const body = createBody(params);
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations", {
					params: { path: { account_id } },
					body,
					...init
				})
			};
		});
	}
	/** Changes the priority (null clears) and, on Enterprise, the SLA policy. */
	update(id, params, options) {
		return this.core.call("updateConversation", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			plainObject("params", params);
			const body = {};
			if (params.priority !== void 0) body.priority = nullablePriority(params.priority);
			if (params.sla_policy_id !== void 0) body.sla_policy_id = params.sla_policy_id === null ? null : positiveId("sla_policy_id", params.sla_policy_id);
			for (const key of Object.keys(params)) if (key !== "priority" && key !== "sla_policy_id") throw new InvalidRequestError(key, "cannot be updated here (only priority and sla_policy_id); use toggleStatus or assign");
			return {
				body,
				exec: (init) => this.core.raw.PATCH("/api/v1/accounts/{account_id}/conversations/{conversation_id}", {
					params: { path: {
						account_id,
						conversation_id
					} },
					body,
					...init
				})
			};
		});
	}
	/** Deletes the conversation (administrators only). */
	delete(id, options) {
		return this.core.call("deleteConversation", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			return { exec: (init) => this.core.raw.DELETE("/api/v1/accounts/{account_id}/conversations/{conversation_id}", {
				params: { path: {
					account_id,
					conversation_id
				} },
				...init
			}) };
		});
	}
	/** Sets a status, or toggles it when `status` is omitted. `snoozed_until` is sent as unix seconds. */
	toggleStatus(id, params = {}, options) {
		return this.core.call("toggleConversationStatus", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			plainObject("params", params);
			const status = optionalOneOf("status", params.status, conversationStatusValues);
			const body = {};
			if (status !== void 0) body.status = status;
			if (params.snoozed_until !== void 0) {
				if (status !== "snoozed") throw new InvalidRequestError("snoozed_until", "is only allowed with status \"snoozed\"");
				body.snoozed_until = futureUnixSeconds("snoozed_until", params.snoozed_until);
			}
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status", {
					params: { path: {
						account_id,
						conversation_id
					} },
					body,
					...init
				})
			};
		}, (wire) => wire.payload);
	}
	/** Sets the priority, or clears it with `null`. */
	togglePriority(id, priority, options) {
		return this.core.call("toggleConversationPriority", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			const body = { priority: nullablePriority(priority) };
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority", {
					params: { path: {
						account_id,
						conversation_id
					} },
					body,
					...init
				})
			};
		});
	}
	/** Assigns an agent (`assignee_id`, or a bot with `assignee_type: "AgentBot"`) or a team (`team_id`). */
	assign(id, params, options) {
		return this.sendAssignment(id, () => assignmentBody(params), options);
	}
	/** Removes the assigned agent (the team stays; `assign(id, { team_id: 0 })` removes the team). */
	unassign(id, options) {
		return this.sendAssignment(id, () => ({ assignee_id: null }), options);
	}
	sendAssignment(id, makeBody, options) {
		return this.core.call("assignConversation", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			const body = makeBody();
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments", {
					params: { path: {
						account_id,
						conversation_id
					} },
					body,
					...init
				})
			};
		});
	}
	/** Adds the current user (from the profile, fetched once) as a participant. */
	async join(id, options) {
		positiveId("conversation_id", id);
		return this.participants.add(id, [await this.currentUserId(options)], options);
	}
	/** Removes the current user from the participants. */
	async leave(id, options) {
		positiveId("conversation_id", id);
		return this.participants.remove(id, [await this.currentUserId(options)], options);
	}
	/** Agents who may be added as participants: the inbox's assignable agents minus current participants. */
	async invitableAgents(id, options) {
		const conversation = await this.get(id, options);
		const [assignable, participants] = await Promise.all([this.agents.assignable(conversation.inbox_id, options), this.participants.list(id, options)]);
		const taken = new Set(participants.map((agent) => agent.id));
		return assignable.filter((agent) => !taken.has(agent.id));
	}
	/** Marks the conversation as read by the current user. */
	markRead(id, options) {
		return this.action("markConversationRead", "update_last_seen", id, options);
	}
	/** Marks the conversation as unread for the current user. */
	markUnread(id, options) {
		return this.action("markConversationUnread", "unread", id, options);
	}
	mute(id, options) {
		return this.action("muteConversation", "mute", id, options);
	}
	unmute(id, options) {
		return this.action("unmuteConversation", "unmute", id, options);
	}
	action(operationId, suffix, id, options) {
		return this.core.call(operationId, options, (account_id) => {
			const params = { path: {
				account_id,
				conversation_id: positiveId("conversation_id", id)
			} };
			return { exec: (init) => this.core.raw.POST(`/api/v1/accounts/{account_id}/conversations/{conversation_id}/${suffix}`, {
				params,
				...init
			}) };
		});
	}
	/** Emails the transcript. Not idempotent (each call sends an email). */
	sendTranscript(id, to, options) {
		return this.core.call("sendConversationTranscript", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			const body = { email: email("email", to) };
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/transcript", {
					params: { path: {
						account_id,
						conversation_id
					} },
					body,
					...init
				})
			};
		});
	}
	/** One page (100) of the conversation's attachments. */
	attachments(id, params = {}, options) {
		return this.core.call("listConversationAttachments", options, (account_id) => {
			const conversation_id = positiveId("conversation_id", id);
			const page = optionalPositiveId("page", plainObject("params", params).page);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}/attachments", {
				params: {
					path: {
						account_id,
						conversation_id
					},
					query: { page }
				},
				...init
			}) };
		});
	}
	/** Starts a Dyte video call; returns the message announcing it. Needs the Dyte integration. */
	startVideoCall(id, options) {
		return this.core.call("createDyteMeeting", options, (account_id) => {
			const body = { conversation_id: positiveId("conversation_id", id) };
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/integrations/dyte/create_a_meeting", {
					params: { path: { account_id } },
					body,
					...init
				})
			};
		});
	}
};
function nullablePriority(priority) {
	return priority === null ? null : oneOf("priority", priority, conversationPriorityValues);
}
function filterConditions(conditions) {
	if (!Array.isArray(conditions) || conditions.length === 0) throw new InvalidRequestError("conditions", "must be a non-empty array of filter conditions");
	return conditions.map((condition, i) => {
		const at = `conditions[${i}]`;
		plainObject(at, condition);
		const last = i === conditions.length - 1;
		const queryOperator = last ? null : condition.query_operator ?? "AND";
		if (!last) oneOf(`${at}.query_operator`, queryOperator, ["AND", "OR"]);
		if (!Array.isArray(condition.values)) throw new InvalidRequestError(`${at}.values`, "must be an array");
		return {
			...condition,
			values: [...condition.values],
			attribute_key: nonEmptyString(`${at}.attribute_key`, condition.attribute_key),
			filter_operator: oneOf(`${at}.filter_operator`, condition.filter_operator, filterOperatorValues),
			query_operator: queryOperator
		};
	});
}
const CREATE_KEYS = [
	"source_id",
	"inbox_id",
	"contact_id",
	"additional_attributes",
	"custom_attributes",
	"status",
	"snoozed_until",
	"assignee_id",
	"team_id",
	"hmac_verified",
	"message"
];
function createBody(params) {
	knownKeys("params", params, CREATE_KEYS);
	const hasPair = params.inbox_id !== void 0 && params.contact_id !== void 0;
	if (params.source_id === void 0 && !hasPair) throw new InvalidRequestError("source_id", "give source_id, or both inbox_id and contact_id");
	const { snoozed_until, ...rest } = params;
	const body = { ...rest };
	if (params.source_id !== void 0) nonEmptyString("source_id", params.source_id);
	optionalPositiveId("inbox_id", params.inbox_id);
	optionalPositiveId("contact_id", params.contact_id);
	optionalPositiveId("assignee_id", params.assignee_id);
	optionalPositiveId("team_id", params.team_id);
	optionalOneOf("status", params.status, conversationStatusValues);
	if (snoozed_until !== void 0) {
		if (params.status !== "snoozed") throw new InvalidRequestError("snoozed_until", "is only allowed with status \"snoozed\"");
		body.snoozed_until = futureUnixSeconds("snoozed_until", snoozed_until);
	}
	if (params.message !== void 0) nonEmptyString("message.content", plainObject("message", params.message).content);
	return body;
}
function assignmentBody(params) {
	plainObject("params", params);
	if ("assignee_id" in params) {
		const body = { assignee_id: positiveId("assignee_id", params.assignee_id) };
		if (params.assignee_type !== void 0) body.assignee_type = oneOf("assignee_type", params.assignee_type, ["User", "AgentBot"]);
		return body;
	}
	if ("team_id" in params) return { team_id: params.team_id === 0 ? 0 : positiveId("team_id", params.team_id) };
	throw new InvalidRequestError("assignee_id", "give assignee_id or team_id");
}
//#endregion
//#region src/resources/labels.ts
const TITLE = /^[A-Za-z0-9_-]+$/;
const COLOR = /^#[0-9A-Fa-f]{6}$/;
var Labels = class {
	constructor(core) {
		this.core = core;
	}
	/** Every label of the account, sorted by title. */
	list(options) {
		return this.core.call("listLabels", options, (account_id) => ({ exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/labels", {
			params: { path: { account_id } },
			...init
		}) }), (wire) => wire.payload);
	}
	get(labelId, options) {
		return this.core.call("getLabel", options, (account_id) => {
			const label_id = positiveId("label_id", labelId);
			return { exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/labels/{label_id}", {
				params: { path: {
					account_id,
					label_id
				} },
				...init
			}) };
		});
	}
	/** Creates a label; titles are letters, digits, - and _ (stored lower-cased). */
	create(body, options) {
		return this.core.call("createLabel", options, (account_id) => {
			checkLabelFields(body, { titleRequired: true });
			return {
				body,
				exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/labels", {
					params: { path: { account_id } },
					body,
					...init
				})
			};
		});
	}
	update(labelId, body, options) {
		return this.core.call("updateLabel", options, (account_id) => {
			const label_id = positiveId("label_id", labelId);
			checkLabelFields(body, { titleRequired: false });
			return {
				body,
				exec: (init) => this.core.raw.PATCH("/api/v1/accounts/{account_id}/labels/{label_id}", {
					params: { path: {
						account_id,
						label_id
					} },
					body,
					...init
				})
			};
		});
	}
	delete(labelId, options) {
		return this.core.call("deleteLabel", options, (account_id) => {
			const label_id = positiveId("label_id", labelId);
			return { exec: (init) => this.core.raw.DELETE("/api/v1/accounts/{account_id}/labels/{label_id}", {
				params: { path: {
					account_id,
					label_id
				} },
				...init
			}) };
		});
	}
};
const LABEL_KEYS = [
	"title",
	"description",
	"color",
	"show_on_sidebar"
];
function checkLabelFields(body, { titleRequired }) {
	knownKeys("body", body, LABEL_KEYS);
	if ((titleRequired || body.title !== void 0) && (typeof body.title !== "string" || !TITLE.test(body.title))) throw new InvalidRequestError("title", "must be letters, digits, - or _ only");
	if (body.color !== void 0 && (typeof body.color !== "string" || !COLOR.test(body.color))) throw new InvalidRequestError("color", "must be a hex colour like #1f93ff");
}
//#endregion
//#region src/resources/profile.ts
function untilAborted(promise, signal) {
	if (!signal) return promise;
	if (signal.aborted) return Promise.reject(new AbortError({ cause: signal.reason }));
	return new Promise((resolve, reject) => {
		const onAbort = () => reject(new AbortError({ cause: signal.reason }));
		signal.addEventListener("abort", onAbort, { once: true });
		promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
	});
}
var Profile = class {
	#currentUserId;
	constructor(core) {
		this.core = core;
	}
	/** The current user. It contains the user's access_token: never log it. */
	get(options) {
		return this.core.call("getProfile", options, () => ({ exec: (init) => this.core.raw.GET("/api/v1/profile", { ...init }) }));
	}
	/**
	* The current user's id, fetched once and shared; only the id is kept (the
	* profile holds secrets). The shared lookup ignores any one caller's signal;
	* each caller's own signal still cancels that caller's wait.
	*/
	currentUserId(options) {
		if (!this.#currentUserId) {
			const lookup = this.get({
				timeoutMs: options?.timeoutMs,
				maxRetries: options?.maxRetries
			}).then((profile) => profile.id);
			lookup.catch(() => this.#currentUserId = void 0);
			this.#currentUserId = lookup;
		}
		return untilAborted(this.#currentUserId, options?.signal);
	}
};
//#endregion
//#region src/transport/abort.ts
/** Small AbortSignal utilities that work in every runtime (no AbortSignal.any needed). */
/** Aborts `controller` when any of `signals` aborts. Returns a function that detaches the listeners. */
function linkSignals(signals, controller) {
	const detach = [];
	for (const signal of signals) {
		if (signal.aborted) {
			controller.abort(signal.reason);
			break;
		}
		const onAbort = () => controller.abort(signal.reason);
		signal.addEventListener("abort", onAbort, { once: true });
		detach.push(() => signal.removeEventListener("abort", onAbort));
	}
	return () => {
		for (const fn of detach) fn();
	};
}
/**
* Settles with `promise`, or rejects as soon as `signal` aborts. Guards against
* fetch implementations (or injected sleeps) that ignore their signal.
*/
function raceAbort(promise, signal) {
	if (signal.aborted) {
		promise.catch(() => void 0);
		return Promise.reject(signal.reason);
	}
	return new Promise((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		signal.addEventListener("abort", onAbort, { once: true });
		promise.then((value) => {
			signal.removeEventListener("abort", onAbort);
			resolve(value);
		}, (error) => {
			signal.removeEventListener("abort", onAbort);
			reject(error);
		});
	});
}
const MAX_BACKOFF_MS = 8e3;
/**
* Exponential backoff for the n-th retry (1-based): 500, 1000, 2000, 4000, 8000, 8000 … ms,
* times a jitter factor in [0.75, 1). Jitter only ever shortens the wait, so the cap holds,
* and it keeps a burst of clients from retrying in lock-step.
*/
function computeBackoff(retry, random) {
	const base = Math.min(500 * 2 ** Math.max(0, retry - 1), MAX_BACKOFF_MS);
	const r = Math.min(Math.max(random(), 0), 1);
	return Math.round(base * (.75 + r * .25));
}
/**
* The server-requested delay in ms from `retry-after-ms` (preferred, more precise) or
* `Retry-After` (delta seconds or an HTTP date). `undefined` when absent or unparseable.
*/
function parseRetryAfter(headers, now = Date.now()) {
	const ms = headers.get("retry-after-ms");
	if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));
	const value = headers.get("retry-after");
	if (value === null) return void 0;
	if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value) * 1e3);
	const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
	if (Number.isNaN(date)) return void 0;
	return Math.max(0, date - now);
}
/** setTimeout-based sleep that rejects with the signal's reason when aborted. */
function defaultSleep(ms, signal) {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(signal.reason);
			return;
		}
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal?.reason);
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener("abort", onAbort);
			resolve();
		}, ms);
		signal?.addEventListener("abort", onAbort, { once: true });
	});
}
//#endregion
//#region src/transport/body.ts
/** Request and response bodies are held in memory so attempts can be repeated and fully verified. */
const NULL_BODY_STATUSES = new Set([
	101,
	103,
	204,
	205,
	304
]);
/** The body is already decoded and re-framed, so these would now be lies. */
const STRIPPED_RESPONSE_HEADERS = [
	"content-length",
	"content-encoding",
	"transfer-encoding"
];
/** Reads the request body once so that every attempt can send the same bytes. */
async function readRequestBody(request) {
	if (request.body === null) return void 0;
	return request.arrayBuffer();
}
/**
* Reads the whole response body and returns an equivalent, fully buffered Response.
* A reset or stall mid-body therefore fails the attempt (and can be retried)
* instead of surfacing later when the caller parses the body.
*/
async function bufferResponse(response, url) {
	const buffer = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
	if (buffer === null) await response.body?.cancel().catch(() => void 0);
	const headers = new Headers(response.headers);
	for (const name of STRIPPED_RESPONSE_HEADERS) headers.delete(name);
	const buffered = new Response(buffer, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
	Object.defineProperty(buffered, "url", { value: url });
	return buffered;
}
//#endregion
//#region src/transport/logger.ts
const REDACTED = "[REDACTED]";
/**
* Replaces every occurrence of `secret` in strings, recursively through plain
* objects and arrays. A belt-and-braces step: the transport never logs headers,
* but a URL or an error message could still echo the token back.
*/
function redact(value, secret, depth = 0) {
	if (secret === "") return value;
	if (typeof value === "string") return value.split(secret).join(REDACTED);
	if (depth > 5 || value === null || typeof value !== "object") return value;
	if (Array.isArray(value)) return value.map((item) => redact(item, secret, depth + 1));
	if (Object.getPrototypeOf(value) !== Object.prototype) return value;
	const out = {};
	for (const [key, item] of Object.entries(value)) out[key] = redact(item, secret, depth + 1);
	return out;
}
/** A logging function bound to the transport's logger and token. Silent without a logger; never throws. */
function createLog(logger, secret) {
	return (level, msg, data) => {
		const method = logger?.[level];
		if (typeof method !== "function") return;
		try {
			const safeData = data === void 0 ? void 0 : redact(data, secret);
			method.call(logger, redact(msg, secret), safeData);
		} catch {}
	};
}
/** localhost, *.localhost, 127.0.0.0/8 and ::1 — traffic that never leaves the machine. */
function isLoopbackHost(hostname) {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
	if (host === "localhost" || host.endsWith(".localhost")) return true;
	if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/**
* Returns a function that warns (once) when the token is about to travel over
* plain http to a non-loopback host. Uses console.warn when no logger was given,
* because a leaked token is worth breaking the "silent by default" rule.
*/
function createInsecureWarning(logger, log) {
	let warned = false;
	return (url) => {
		if (warned || url.protocol !== "http:" || isLoopbackHost(url.hostname)) return;
		warned = true;
		const msg = "Sending the Chatwoot API access token over plain http to a non-loopback host; anyone on the network can read it. Use https.";
		const data = { host: url.host };
		if (logger) log("warn", msg, data);
		else if (typeof console !== "undefined") console.warn(msg, data);
	};
}
//#endregion
//#region src/transport/redirects.ts
const REDIRECT_STATUSES = new Set([
	301,
	302,
	303,
	307,
	308
]);
/** Headers describing a request body; dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = [
	"content-type",
	"content-length",
	"content-encoding",
	"content-language",
	"content-location"
];
/** Credentials a caller may have added; never forwarded to a different origin. */
const CROSS_ORIGIN_STRIPPED = [
	"authorization",
	"proxy-authorization",
	"cookie"
];
function isRedirectStatus(status) {
	return REDIRECT_STATUSES.has(status);
}
/** Computes the next hop following the fetch spec's method rules. */
function nextHop(current, status, location) {
	if (location === null) return { kind: "none" };
	let url;
	try {
		url = new URL(location, current.url);
	} catch {
		return {
			kind: "invalid",
			reason: "Redirect with an invalid Location header"
		};
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") return {
		kind: "invalid",
		reason: `Redirect to unsupported protocol ${url.protocol}`
	};
	const headers = new Headers(current.headers);
	let { method, body } = current;
	if (status === 303 && method !== "GET" && method !== "HEAD" || (status === 301 || status === 302) && method === "POST") {
		method = "GET";
		body = void 0;
		for (const name of BODY_HEADERS) headers.delete(name);
	}
	if (url.origin !== current.url.origin) for (const name of CROSS_ORIGIN_STRIPPED) headers.delete(name);
	return {
		kind: "follow",
		hop: {
			url,
			method,
			body,
			headers
		}
	};
}
//#endregion
//#region src/transport/retry-policy.ts
/** Which failures may be retried, depending on whether the request is idempotent. */
/** Statuses that are worth another attempt: timeouts, conflicts from concurrent edits, rate limits, gateway trouble. */
const RETRYABLE_STATUSES = new Set([
	408,
	409,
	429,
	500,
	502,
	503,
	504
]);
const IDEMPOTENT_METHODS = new Set([
	"GET",
	"HEAD",
	"OPTIONS"
]);
/** Default idempotency rule: only the safe methods. The client passes a spec-driven rule instead. */
function defaultIsIdempotent(method) {
	return IDEMPOTENT_METHODS.has(method.toUpperCase());
}
/**
* A 429 means the server refused the request without processing it, so even a
* POST can be repeated. Any other status means it may have had an effect.
*/
function shouldRetryStatus(status, idempotent) {
	if (!RETRYABLE_STATUSES.has(status)) return false;
	return idempotent || status === 429;
}
/** Error codes proving that no byte of the request reached the server. */
const NEVER_SENT_CODES = new Set([
	"ECONNREFUSED",
	"ENOTFOUND",
	"EAI_AGAIN"
]);
/**
* Walks the `cause` chain (and AggregateError members, as produced by Node's
* happy-eyeballs connect) looking for a system error code.
* undici reports `TypeError('fetch failed')` with `cause.code`.
*/
function findErrorCode(error, depth = 0) {
	if (depth > 8 || error === null || typeof error !== "object") return void 0;
	const { code, cause, errors } = error;
	if (typeof code === "string" && NEVER_SENT_CODES.has(code)) return code;
	if (Array.isArray(errors)) for (const inner of errors) {
		const found = findErrorCode(inner, depth + 1);
		if (found !== void 0) return found;
	}
	const fromCause = findErrorCode(cause, depth + 1);
	if (fromCause !== void 0) return fromCause;
	return typeof code === "string" ? code : void 0;
}
/** True when the failure proves the request never reached the server (safe to retry anything). */
function isNeverSent(code) {
	return code !== void 0 && NEVER_SENT_CODES.has(code);
}
//#endregion
//#region src/transport/transport.ts
/**
* The client's own fetch: the single place where timeouts, retries, redirects,
* response buffering and the API token are handled.
*
* Decisions worth knowing:
* - HTTP error statuses are never thrown here; after retries the last (buffered)
*   Response is returned and the client maps it with `apiErrorFromResponse`.
* - Non-idempotent requests are retried only on a 429 or when the connection
*   provably never reached the server (ECONNREFUSED, ENOTFOUND, EAI_AGAIN).
* - A Retry-After above 60 s is not waited out: the response is returned as is.
* - `accept: application/json` is only added when the caller set no Accept header.
* - Redirects: up to 5 hops; the token is attached per hop only when the hop's
*   origin is the baseUrl origin. Browsers give `opaqueredirect` for manual
*   redirects, which we turn into a ConnectionError (nothing can be inspected).
*/
const TOKEN_HEADER = "api_access_token";
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 6e4;
/** setTimeout fires immediately for delays above 2^31-1 ms, so longer timeouts mean "none". */
const MAX_TIMER_MS = 2147483647;
/** RequestInit keys that `new Request()` consumes; anything else (e.g. undici's `dispatcher`) is passed through. */
const REQUEST_INIT_KEYS = new Set([
	"body",
	"cache",
	"credentials",
	"duplex",
	"headers",
	"integrity",
	"keepalive",
	"method",
	"mode",
	"priority",
	"redirect",
	"referrer",
	"referrerPolicy",
	"signal",
	"window"
]);
function createTransport(options) {
	let baseOrigin;
	try {
		baseOrigin = new URL(options.baseUrl).origin;
	} catch {
		throw new InvalidRequestError("baseUrl", "must be an absolute http(s) URL");
	}
	const token = options.apiAccessToken;
	const defaultMaxRetries = checkRetries("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES);
	const defaultTimeoutMs = checkTimeout("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	const isIdempotent = options.isIdempotent ?? ((method) => defaultIsIdempotent(method));
	const random = options.random ?? Math.random;
	const sleep = options.sleep ?? defaultSleep;
	const log = createLog(options.logger, token);
	const warnIfInsecure = createInsecureWarning(options.logger, log);
	/** The headers actually sent for one hop: the token only ever goes to the base origin. */
	function outgoingHeaders(hop) {
		const headers = new Headers(hop.headers);
		headers.delete(TOKEN_HEADER);
		if (!headers.has("accept")) headers.set("accept", "application/json");
		if (hop.url.origin === baseOrigin) {
			warnIfInsecure(hop.url);
			headers.set(TOKEN_HEADER, token);
		}
		return headers;
	}
	/** One attempt: the request plus any redirects, and the whole response body, under one timeout. */
	async function attempt(first, ctx) {
		const controller = new AbortController();
		const unlink = linkSignals([ctx.caller], controller);
		let timedOut = false;
		const timer = ctx.timeoutMs <= MAX_TIMER_MS ? setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, ctx.timeoutMs) : void 0;
		let hop = first;
		try {
			for (let redirects = 0;; redirects++) {
				const response = await raceAbort((options.fetch ?? globalThis.fetch)(hop.url.href, {
					...ctx.passthrough,
					method: hop.method,
					headers: outgoingHeaders(hop),
					body: hop.body,
					signal: controller.signal,
					redirect: "manual"
				}), controller.signal);
				if (response.type === "opaqueredirect") return fail(new ConnectionError("Server redirected, but this runtime hides redirect targets (opaqueredirect); point baseUrl at the final URL", {
					method: ctx.method,
					url: ctx.url
				}));
				if (isRedirectStatus(response.status)) {
					const next = nextHop(hop, response.status, response.headers.get("location"));
					if (next.kind === "invalid") return fail(new ConnectionError(next.reason, {
						method: ctx.method,
						url: ctx.url
					}));
					if (next.kind === "follow") {
						response.body?.cancel().catch(() => void 0);
						if (redirects >= 5) return fail(new ConnectionError(`Too many redirects (more than 5)`, {
							method: ctx.method,
							url: ctx.url
						}));
						log("debug", "Following redirect", {
							status: response.status,
							from: hop.url.href,
							to: next.hop.url.href,
							sameOrigin: next.hop.url.origin === baseOrigin
						});
						hop = next.hop;
						continue;
					}
				}
				return { response: await raceAbort(bufferResponse(response, hop.url.href), controller.signal) };
			}
		} catch (error) {
			if (ctx.caller.aborted) throw new AbortError({
				method: ctx.method,
				url: ctx.url,
				cause: ctx.caller.reason
			});
			if (timedOut) return {
				error: new TimeoutError({
					timeoutMs: ctx.timeoutMs,
					method: ctx.method,
					url: ctx.url
				}),
				retryable: ctx.idempotent
			};
			if (error instanceof ChatwootError) return fail(error);
			const code = findErrorCode(error);
			return {
				error: new ConnectionError(redact(`Connection failed: ${describe(error)}`, token), {
					cause: error,
					method: ctx.method,
					url: ctx.url,
					code
				}),
				retryable: ctx.idempotent || isNeverSent(code)
			};
		} finally {
			clearTimeout(timer);
			unlink();
		}
	}
	async function send(input, init, call) {
		const request = input instanceof Request && init === void 0 ? input : new Request(input, init);
		const method = request.method.toUpperCase();
		const url = new URL(request.url);
		const maxRetries = call.maxRetries === void 0 ? defaultMaxRetries : checkRetries("maxRetries", call.maxRetries);
		const timeoutMs = call.timeoutMs === void 0 ? defaultTimeoutMs : checkTimeout("timeoutMs", call.timeoutMs);
		const callerController = new AbortController();
		const unlink = linkSignals([call.signal, request.signal].filter((s) => s !== void 0 && s !== null), callerController);
		const caller = callerController.signal;
		const abortError = () => new AbortError({
			method,
			url: url.href,
			cause: caller.reason
		});
		try {
			if (caller.aborted) throw abortError();
			const ctx = {
				method,
				url: url.href,
				idempotent: call.idempotent ?? isIdempotent(method, url),
				timeoutMs,
				caller,
				passthrough: {
					...requestSettings(request),
					...passthroughInit(init)
				}
			};
			let body;
			try {
				body = await raceAbort(readRequestBody(request), caller);
			} catch {
				if (caller.aborted) throw abortError();
				throw new InvalidRequestError("body", "the request body could not be read (already consumed?)");
			}
			const first = {
				url,
				method,
				body,
				headers: new Headers(request.headers)
			};
			for (let attemptNo = 1;; attemptNo++) {
				const started = Date.now();
				const result = await attempt(first, ctx);
				const ms = Date.now() - started;
				const canRetry = attemptNo <= maxRetries;
				let delay;
				let reason;
				if ("response" in result) {
					const { status, headers } = result.response;
					log("debug", "HTTP attempt", {
						method,
						url: url.href,
						attempt: attemptNo,
						status,
						ms
					});
					if (!canRetry || !shouldRetryStatus(status, ctx.idempotent)) return result.response;
					const retryAfter = parseRetryAfter(headers);
					if (retryAfter !== void 0 && retryAfter > 6e4) {
						log("warn", "Not retrying: server asked to wait too long", {
							method,
							url: url.href,
							status,
							retryAfterMs: retryAfter
						});
						return result.response;
					}
					delay = retryAfter ?? computeBackoff(attemptNo, random);
					reason = `HTTP ${status}`;
				} else {
					const { error } = result;
					log("debug", "HTTP attempt failed", {
						method,
						url: url.href,
						attempt: attemptNo,
						error: error.name,
						ms
					});
					if (!canRetry || !result.retryable) throw error;
					delay = computeBackoff(attemptNo, random);
					reason = error instanceof ConnectionError && error.code ? `${error.name} ${error.code}` : error.name;
				}
				log("warn", "Retrying request", {
					method,
					url: url.href,
					attempt: attemptNo,
					reason,
					delayMs: delay
				});
				try {
					await raceAbort(sleep(delay, caller), caller);
				} catch (error) {
					if (caller.aborted) throw abortError();
					throw error;
				}
			}
		} finally {
			unlink();
		}
	}
	return {
		fetch: (input, init) => send(input, init, {}),
		fetchWith: (call) => (input, init) => send(input, init, call)
	};
}
function fail(error) {
	return {
		error,
		retryable: false
	};
}
/** Settings of the caller's Request that matter in browsers (e.g. `credentials: "include"`). */
function requestSettings(request) {
	const settings = {};
	if (request.credentials) settings.credentials = request.credentials;
	if (request.cache) settings.cache = request.cache;
	if (request.mode && request.mode !== "navigate") settings.mode = request.mode;
	if (request.referrerPolicy) settings.referrerPolicy = request.referrerPolicy;
	return settings;
}
function passthroughInit(init) {
	const extra = {};
	if (!init) return extra;
	for (const [key, value] of Object.entries(init)) if (!REQUEST_INIT_KEYS.has(key)) extra[key] = value;
	return extra;
}
/** "fetch failed: connect ECONNREFUSED 127.0.0.1:9" — the messages down the cause chain. */
function describe(error) {
	const parts = [];
	let current = error;
	for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
		if (current.message && !parts.includes(current.message)) parts.push(current.message);
		current = current.cause;
	}
	return parts.length > 0 ? parts.join(": ") : String(error);
}
function checkRetries(param, value) {
	if (!Number.isInteger(value) || value < 0) throw new InvalidRequestError(param, "must be a non-negative integer");
	return value;
}
function checkTimeout(param, value) {
	if (typeof value !== "number" || Number.isNaN(value) || value <= 0) throw new InvalidRequestError(param, "must be a positive number of milliseconds");
	return value;
}
//#endregion
//#region src/client.ts
function createChatwootClient(options) {
	if (typeof options !== "object" || options === null) throw new InvalidRequestError("options", "must be an object");
	const baseUrl = checkBaseUrl(options.baseUrl);
	const apiAccessToken = checkToken(options.apiAccessToken);
	const accountId = checkAccountId(options.accountId);
	if (options.maxRetries !== void 0 && (!Number.isInteger(options.maxRetries) || options.maxRetries < 0)) throw new InvalidRequestError("maxRetries", "must be a non-negative integer");
	if (options.timeoutMs !== void 0 && !(options.timeoutMs > 0)) throw new InvalidRequestError("timeoutMs", "must be a positive number of milliseconds");
	const transport = createTransport({
		baseUrl,
		apiAccessToken,
		maxRetries: options.maxRetries,
		timeoutMs: options.timeoutMs,
		fetch: options.fetch,
		logger: options.logger,
		isIdempotent: idempotencyResolver(new URL(baseUrl).pathname)
	});
	const raw = createClient({
		baseUrl,
		fetch: transport.fetch
	});
	const core = new Core(raw, transport, accountId);
	const profile = new Profile(core);
	const agents = new Agents(core);
	return {
		conversations: new Conversations(core, agents, (callOptions) => profile.currentUserId(callOptions)),
		labels: new Labels(core),
		agents,
		profile,
		raw
	};
}
function checkBaseUrl(value) {
	const text = nonEmptyString("baseUrl", value);
	let url;
	try {
		url = new URL(text);
	} catch {
		throw new InvalidRequestError("baseUrl", "must be an absolute http(s) URL such as https://app.chatwoot.com");
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") throw new InvalidRequestError("baseUrl", "must use http or https");
	if (url.username || url.password) throw new InvalidRequestError("baseUrl", "must not contain credentials; pass apiAccessToken");
	if (url.search || url.hash) throw new InvalidRequestError("baseUrl", "must not have a query string or fragment");
	return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
function checkToken(value) {
	if (value === void 0 || value === null || value === "") throw new InvalidRequestError("apiAccessToken", "is missing: pass the access token of a user or agent bot (Profile settings → Access token)");
	if (typeof value !== "string" || value.trim() !== value || /\s/.test(value)) throw new InvalidRequestError("apiAccessToken", "must be a token string without whitespace");
	return value;
}
function checkAccountId(value) {
	if (value === void 0 || value === null) throw new InvalidRequestError("accountId", "is missing: pass the numeric account id (it is in the dashboard URL, /app/accounts/<id>/…)");
	return positiveId("accountId", value);
}
//#endregion
export { AbortError, ApiPromise, AuthenticationError, BadRequestError, ChatwootApiError, ChatwootError, ConflictError, ConnectionError, InternalServerError, InvalidRequestError, InvalidResponseError, NotFoundError, PermissionDeniedError, RateLimitError, TimeoutError, UnprocessableEntityError, createChatwootClient };

