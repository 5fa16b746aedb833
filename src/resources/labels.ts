// chatwoot.labels: the account's label definitions (by numeric id).
import type { Core, RequestOptions } from "../core.js";
import { InvalidRequestError } from "../errors.js";
import type { CreateLabelBody, Label, UpdateLabelBody, components } from "../types.js";
import { type CoversAll, knownKeys } from "../validate.js";

const TITLE = /^[A-Za-z0-9_-]+$/;
const COLOR = /^#[0-9A-Fa-f]{6}$/;

export class Labels {
  constructor(private readonly core: Core) {}

  /** Every label of the account, sorted by title. */
  list(options?: RequestOptions) {
    return this.core.call("listLabels", options, undefined, undefined, (wire: components["schemas"]["LabelList"]): Label[] => wire.payload);
  }

  get(labelId: number, options?: RequestOptions) {
    return this.core.call<Label>("getLabel", options, { label_id: labelId });
  }

  /** Creates a label; titles are letters, digits, - and _ (stored lower-cased). */
  create(body: CreateLabelBody, options?: RequestOptions) {
    return this.core.call<Label>("createLabel", options, undefined, () => checkLabel(body, true));
  }

  update(labelId: number, body: UpdateLabelBody, options?: RequestOptions) {
    return this.core.call<Label>("updateLabel", options, { label_id: labelId }, () => checkLabel(body, false));
  }

  delete(labelId: number, options?: RequestOptions) {
    return this.core.call<undefined>("deleteLabel", options, { label_id: labelId });
  }
}

const LABEL_KEYS = ["title", "description", "color", "show_on_sidebar"] as const satisfies readonly (keyof CreateLabelBody)[];
true satisfies CoversAll<CreateLabelBody, (typeof LABEL_KEYS)[number]>;

function checkLabel(body: UpdateLabelBody, titleRequired: boolean) {
  knownKeys("body", body, LABEL_KEYS);
  if ((titleRequired || body.title !== undefined) && (typeof body.title !== "string" || !TITLE.test(body.title))) {
    throw new InvalidRequestError("title", "must be letters, digits, - or _ only");
  }
  if (body.color !== undefined && (typeof body.color !== "string" || !COLOR.test(body.color))) {
    throw new InvalidRequestError("color", "must be a hex colour like #1f93ff");
  }
  return { body };
}
