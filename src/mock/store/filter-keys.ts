// The conversation section of lib/filters/filter_keys.yml, and the filter
// errors the controller turns into 422 {"error": …}
// (CustomExceptions::CustomFilter, texts from config/locales/en.yml).

export interface FilterKey {
  attribute_type: "standard" | "additional_attributes";
  data_type: string;
  filter_operators: string[];
}

const EQ = ["equal_to", "not_equal_to"];
const PRESENCE = [...EQ, "is_present", "is_not_present"];
const TEXT = [...EQ, "contains", "does_not_contain"];
const DATE = ["is_greater_than", "is_less_than", "days_before"];

export const FILTER_KEYS: Record<string, FilterKey> = {
  status: { attribute_type: "standard", data_type: "text", filter_operators: EQ },
  assignee_id: { attribute_type: "standard", data_type: "text", filter_operators: PRESENCE },
  inbox_id: { attribute_type: "standard", data_type: "text", filter_operators: PRESENCE },
  team_id: { attribute_type: "standard", data_type: "number", filter_operators: PRESENCE },
  contact_id: { attribute_type: "standard", data_type: "number", filter_operators: EQ },
  priority: { attribute_type: "standard", data_type: "text", filter_operators: EQ },
  display_id: { attribute_type: "standard", data_type: "Number", filter_operators: TEXT },
  campaign_id: { attribute_type: "standard", data_type: "Number", filter_operators: PRESENCE },
  labels: { attribute_type: "standard", data_type: "labels", filter_operators: PRESENCE },
  browser_language: { attribute_type: "additional_attributes", data_type: "text", filter_operators: EQ },
  conversation_language: { attribute_type: "additional_attributes", data_type: "text", filter_operators: EQ },
  referer: { attribute_type: "additional_attributes", data_type: "link", filter_operators: TEXT },
  created_at: { attribute_type: "standard", data_type: "date", filter_operators: DATE },
  last_activity_at: { attribute_type: "standard", data_type: "date", filter_operators: DATE },
  mail_subject: { attribute_type: "additional_attributes", data_type: "text", filter_operators: TEXT },
};

/** Conversation.statuses / Conversation.priorities: the enum integers the SQL compares. */
export const STATUS_VALUES: Record<string, number> = { open: 0, resolved: 1, pending: 2, snoozed: 3 };
export const PRIORITY_VALUES: Record<string, number> = { low: 0, medium: 1, high: 2, urgent: 3 };

export class FilterError extends Error {
  /** 422 for the four CustomFilter exceptions; 500 for SQL the database rejects. */
  constructor(
    message: string,
    readonly status: 422 | 500 = 422,
  ) {
    super(message);
  }

  static invalidAttribute(key: string) {
    return new FilterError(`Invalid attribute key - [${key}]. The allowed keys for attribute are [${Object.keys(FILTER_KEYS).join(",")}].`);
  }

  static invalidOperator(key: string, allowed: string[]) {
    return new FilterError(`Invalid operator. The allowed operators for ${key} are [${allowed.join(",")}].`);
  }

  static invalidQueryOperator() {
    return new FilterError('Query operator must be either "AND" or "OR"');
  }

  static invalidValue(key: string) {
    return new FilterError(`Invalid value. The values provided for ${key} are invalid`);
  }

  /** A query_operator on the last condition leaves "… AND" at the end of the SQL: Postgres rejects it. */
  static danglingOperator() {
    return new FilterError("Internal Server Error", 500);
  }
}
