// Conversations::FilterService (app/services/conversations/filter_service.rb,
// app/services/filter_service.rb, app/services/filters/custom_attribute_filter_helper.rb)
// over the keys and operators of lib/filters/filter_keys.yml. The conditions
// become one SQL WHERE string in Chatwoot, so AND binds tighter than OR;
// here each condition is a predicate and the same precedence is applied.
import { FILTER_KEYS, FilterError, STATUS_VALUES, PRIORITY_VALUES } from "./filter-keys.js";
import type { Store } from "./store.js";
import type { Conversation } from "./types.js";

export interface Condition {
  attribute_key?: unknown;
  filter_operator?: unknown;
  values?: unknown;
  query_operator?: unknown;
}

type Predicate = (c: Conversation) => boolean;

const lower = (v: unknown) => String(v).toLowerCase();
const asList = (values: unknown): unknown[] => (Array.isArray(values) ? values : values === undefined || values === null ? [] : [values]);
const blank = (values: unknown) => asList(values).length === 0 || (typeof values === "string" && values.trim() === "");

/** `days_before` and `is_*_than` compare dates as ISO days. */
function parseDate(raw: unknown, key: string): string {
  const s = String(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(Date.parse(s.slice(0, 10)))) throw FilterError.invalidValue(key);
  return s.slice(0, 10);
}
const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function comparePredicate(op: string, get: (c: Conversation) => string | number | null, value: string | number): Predicate {
  return op === "is_less_than" ? (c) => { const v = get(c); return v !== null && v < value; } : (c) => { const v = get(c); return v !== null && v > value; };
}

function standard(store: Store, key: string, op: string, values: unknown[]): Predicate {
  const spec = FILTER_KEYS[key]!;
  if (spec.data_type === "date") {
    const get = (c: Conversation) => day(key === "created_at" ? c.created_at : c.last_activity_at);
    if (op === "days_before") {
      const date = day(store.now() - Number.parseInt(String(values[0]), 10) * 86400);
      return comparePredicate("is_less_than", get, date);
    }
    return comparePredicate(op, get, parseDate(values[0], key));
  }
  if (spec.data_type === "labels") {
    const wanted = values.map(String);
    if (op === "equal_to") return (c) => c.labels.some((l) => wanted.includes(l));
    if (op === "not_equal_to") return (c) => !c.labels.some((l) => wanted.includes(l));
    return op === "is_present" ? (c) => c.labels.length > 0 : (c) => c.labels.length === 0;
  }
  const get: (c: Conversation) => unknown =
    spec.attribute_type === "additional_attributes"
      ? (c) => { const v = c.additional_attributes[key]; return v === undefined || v === null ? null : lower(v); }
      : (c) => (c as unknown as Record<string, unknown>)[key] ?? null;
  // status and priority compare their enum integers; everything else as text.
  const norm: (v: unknown) => string | number | undefined = key === "status" ? (v: unknown) => STATUS_VALUES[String(v)] : key === "priority" ? (v: unknown) => PRIORITY_VALUES[String(v)] : (v: unknown) => String(v);
  const wanted = (key === "status" && values.map(String).includes("all") ? Object.keys(STATUS_VALUES) : values).map(norm);
  const actual = (c: Conversation) => { const v = get(c); return v === null ? null : norm(v); };
  switch (op) {
    case "equal_to":
      return (c) => { const v = actual(c); return v !== null && v !== undefined && wanted.includes(v); };
    case "not_equal_to":
      // SQL: NULL NOT IN (...) is not true.
      return (c) => { const v = actual(c); return v !== null && v !== undefined && !wanted.includes(v); };
    case "contains":
      return (c) => { const v = get(c); return v !== null && values.some((w) => lower(v).includes(lower(w).trim())); };
    case "does_not_contain":
      return (c) => { const v = get(c); return v !== null && values.every((w) => !lower(v).includes(lower(w).trim())); };
    case "is_present":
      return (c) => get(c) !== null;
    default:
      return (c) => get(c) === null;
  }
}

function customAttribute(store: Store, accountId: number, key: string, op: string, values: unknown[]): Predicate {
  const definition = store.customAttributes.find((d) => d.account_id === accountId && d.attribute_model === "conversation_attribute" && d.attribute_key === key);
  if (!definition) throw FilterError.invalidAttribute(key);
  const type = { date: "date", text: "text", number: "numeric", link: "text", list: "text", checkbox: "boolean" }[definition.attribute_display_type as string] ?? "text";
  const raw = (c: Conversation) => c.custom_attributes[key];
  const cast = (v: unknown): string | number | boolean | null => {
    if (v === undefined || v === null) return null;
    if (type === "numeric") return Number(v);
    if (type === "boolean") return v === true || v === "true";
    if (type === "date") return String(v).slice(0, 10);
    return lower(v);
  };
  if (op === "is_less_than" || op === "is_greater_than") {
    const value = type === "date" ? parseDate(values[0], key) : Number(values[0]);
    if (type !== "date" && (type !== "numeric" || Number.isNaN(value))) throw FilterError.invalidValue(key);
    return comparePredicate(op, (c) => cast(raw(c)) as string | number | null, value);
  }
  // string_filter_values: a text attribute compares with the first value, lower-cased.
  const wanted = type === "text" && typeof values[0] === "string" ? [lower(values[0])] : values.map(cast);
  switch (op) {
    case "equal_to":
      return (c) => wanted.includes(cast(raw(c)));
    case "not_equal_to":
      return (c) => raw(c) === undefined || raw(c) === null || !wanted.includes(cast(raw(c)));
    case "contains":
      return (c) => raw(c) != null && values.some((w) => lower(raw(c)).includes(lower(w).trim()));
    case "does_not_contain":
      return (c) => raw(c) != null && values.every((w) => !lower(raw(c)).includes(lower(w).trim()));
    case "is_present":
      return (c) => raw(c) !== undefined && raw(c) !== null;
    default:
      return (c) => raw(c) === undefined || raw(c) === null;
  }
}

/** Validates the conditions (raising FilterError for the 422s) and returns one predicate. */
export function buildFilter(store: Store, accountId: number, payload: unknown): Predicate {
  const conditions = (Array.isArray(payload) ? payload : []) as Condition[];
  // validate_query_operator runs over every condition first; a condition that is not a
  // hash (e.g. `null`) fails there with NoMethodError: Rails' unhandled 500.
  if (conditions.some((c) => c === null || typeof c !== "object" || Array.isArray(c))) throw new FilterError("condition is not an object", 500);
  for (const c of conditions) {
    const qo = c.query_operator;
    if (qo === undefined || qo === null || qo === "") continue;
    if (!["AND", "OR"].includes(String(qo).toUpperCase())) throw FilterError.invalidQueryOperator();
  }
  const groups: Predicate[][] = [[]];
  conditions.forEach((c, index) => {
    const key = String(c.attribute_key ?? "");
    const op = String(c.filter_operator ?? "");
    const spec = Object.hasOwn(FILTER_KEYS, key) ? FILTER_KEYS[key] : undefined;
    if (spec && !spec.filter_operators.includes(op)) throw FilterError.invalidOperator(key, spec.filter_operators);
    if (op !== "is_present" && op !== "is_not_present" && blank(c.values)) throw FilterError.invalidValue(key);
    const predicate = spec ? standard(store, key, op, asList(c.values)) : customAttribute(store, accountId, key, op, asList(c.values));
    groups[groups.length - 1]!.push(predicate);
    const qo = c.query_operator === undefined || c.query_operator === null ? "" : String(c.query_operator).toUpperCase();
    if (index === conditions.length - 1 && qo !== "") throw FilterError.danglingOperator();
    if (qo === "OR") groups.push([]);
  });
  return (c) => groups.some((group) => group.every((p) => p(c)));
}
