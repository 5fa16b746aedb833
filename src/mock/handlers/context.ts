// What every Chatwoot API request goes through before the action runs, and
// the error bodies it can end with:
// - Api::BaseController + AccessTokenAuthHelper (app/controllers/api/base_controller.rb,
//   app/controllers/concerns/access_token_auth_helper.rb): the token, bots' endpoints
// - EnsureCurrentAccountHelper (app/controllers/concerns/ensure_current_account_helper.rb)
// - RequestExceptionHandler (app/controllers/concerns/request_exception_handler.rb)
import { HttpResponse } from "msw";
import type { Actor } from "../store/conversation-changes.js";
import type { Store } from "../store/store.js";
import type { Account, Caller, Conversation } from "../store/types.js";
import { asId, BodyParseError, readParams, type Params } from "../params.js";

/** A response that ends the action early (Rails' render-and-return or a rescued exception). */
export class Halt {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export const unauthorized = (error: string) => new Halt(401, { error });
export const notFound = () => new Halt(404, { error: "Resource could not be found" });
export const unprocessable = (error: string) => new Halt(422, { error });
/** render_record_invalid: a model validation failed. */
export const recordInvalid = (messages: string[], attributes: string[]) => new Halt(422, { message: messages.join(", "), attributes });
export const notAuthorizedAction = () => unauthorized("You are not authorized to do this action");

/** ActionDispatch::Http::Parameters::ParseError, rendered by Rails' PublicExceptions (json under /api). */
export const badRequest = () => new Halt(400, { status: 400, error: "Bad Request" });

export const json = (body: unknown, status = 200) => HttpResponse.json(body as never, { status });
/** `head :ok` */
export const ok = () => new HttpResponse(null, { status: 200 });

/** Which controller#action a route is, for the bots' allow-list. */
export type Endpoint = `${string}#${string}`;

/** AccessTokenAuthHelper::BOT_ACCESSIBLE_ENDPOINTS */
const BOT_ENDPOINTS = new Set<Endpoint>([
  "conversations#show",
  "conversations#toggle_status",
  "conversations#toggle_typing_status",
  "conversations#toggle_priority",
  "conversations#create",
  "conversations#update",
  "conversations#custom_attributes",
  "conversations/messages#create",
  "conversations/assignments#create",
  "conversations/labels#index",
  "conversations/labels#create",
]);

export interface Ctx {
  store: Store;
  caller: Caller;
  account: Account;
  params: Params;
  path: Record<string, string>;
  request: Request;
}

export type StoreRef = () => Store;
type Info = { request: Request; params: Record<string, string | readonly string[] | undefined> };

function authenticate(store: Store, request: Request, endpoint: Endpoint): Caller {
  const token = request.headers.get("api_access_token");
  // No token: Devise's authenticate_user! answers.
  if (!token) throw new Halt(401, { errors: ["You need to sign in or sign up before continuing."] });
  const user = store.userByToken(token);
  const bot = user ? undefined : store.botByToken(token);
  if (!user && !bot) throw unauthorized("Invalid Access Token");
  if (bot && !BOT_ENDPOINTS.has(endpoint)) throw unauthorized("Access to this endpoint is not authorized for bots");
  // The role is filled in once the account is known.
  return user ? { kind: "user", user, role: "agent" } : { kind: "bot", bot: bot! };
}

function currentAccount(store: Store, caller: Caller, accountParam: string | undefined): Account {
  const id = asId(accountParam);
  const account = id === undefined ? undefined : store.accounts.get(id);
  if (!account) throw notFound();
  if (caller.kind === "user") {
    const role = caller.user.roles.get(account.id);
    if (!role) throw unauthorized("You are not authorized to access this account");
    caller.role = role;
  } else if (caller.bot.account_id !== account.id) {
    throw unauthorized("Bot is not authorized to access this account");
  }
  return account;
}

const pathParams = (params: Info["params"]) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v ?? "")]));

function toResponse(halt: Halt): Response {
  return halt.body === null ? new HttpResponse(null, { status: halt.status }) : json(halt.body, halt.status);
}

/** An action under /api/v1/accounts/{account_id}: authenticates, loads the account, runs `fn`. */
export function accountAction(storeRef: StoreRef, endpoint: Endpoint, fn: (ctx: Ctx) => Response | Promise<Response>) {
  return async (info: Info): Promise<Response> => {
    const store = storeRef();
    try {
      // Params are read first: ApplicationController's before_actions (DeviseTokenAuth's
      // set_user_by_token, switch_locale) touch `params` before the token is checked.
      const params = await readParams(info.request);
      const caller = authenticate(store, info.request, endpoint);
      const path = pathParams(info.params);
      const account = currentAccount(store, caller, path.account_id);
      return await fn({ store, caller, account, params, path, request: info.request });
    } catch (error) {
      if (error instanceof BodyParseError) return toResponse(badRequest());
      if (error instanceof Halt) return toResponse(error);
      throw error;
    }
  };
}

/** An action outside an account (the profile): authenticates only. */
export function userAction(storeRef: StoreRef, endpoint: Endpoint, fn: (store: Store, caller: Caller) => Response) {
  return async (info: Info): Promise<Response> => {
    const store = storeRef();
    try {
      await readParams(info.request);
      return fn(store, authenticate(store, info.request, endpoint));
    } catch (error) {
      if (error instanceof BodyParseError) return toResponse(badRequest());
      if (error instanceof Halt) return toResponse(error);
      throw error;
    }
  };
}

/** `Current.account.conversations.find_by!(display_id:)` + `authorize @conversation, :show?` */
export function findConversation(ctx: Ctx, param = ctx.path.conversation_id): Conversation {
  const displayId = asId(param);
  const conversation = displayId === undefined ? undefined : ctx.store.conversationByDisplayId(ctx.account.id, displayId);
  if (!conversation) throw notFound();
  if (!ctx.store.canSee(ctx.caller, conversation)) throw notAuthorizedAction();
  return conversation;
}

export const isAdmin = (ctx: Ctx) => ctx.caller.kind === "user" && ctx.caller.role === "administrator";
export const requireAdmin = (ctx: Ctx) => {
  if (!isAdmin(ctx)) throw notAuthorizedAction();
};

/** The actor named in activity messages: Current.user, a user or a bot. */
export const actorOf = (ctx: Ctx): Actor => (ctx.caller.kind === "user" ? { userId: ctx.caller.user.id, name: ctx.caller.user.name } : { userId: null, name: ctx.caller.bot.name });
