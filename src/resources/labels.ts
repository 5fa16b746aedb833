// chatwoot.labels: the account's label definitions (by numeric id).
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { anObject, unwrap } from "../response-shape.js";
import { InvalidRequestError } from "../errors.js";
import type { AllowUndefined, CreateLabelBody, Label, UpdateLabelBody, components } from "../types.js";
import { type CoversAll, knownKeys } from "../validate.js";

const TITLE = /^[A-Za-z0-9_-]+$/;
const COLOR = /^#[0-9A-Fa-f]{6}$/;

/** A new label (optional fields also accept `undefined`). */
export type CreateLabelParams = AllowUndefined<CreateLabelBody>;
/** The fields to change. */
export type UpdateLabelParams = AllowUndefined<UpdateLabelBody>;

export class Labels {
  constructor(private readonly core: Core) {}

  /** Every label of the account, sorted by title. */
  list(options?: RequestOptions): ApiPromise<Label[]> {
    return this.core.call("listLabels", options, undefined, undefined, unwrap({ payload: "array" }, (wire: components["schemas"]["LabelList"]): Label[] => wire.payload));
  }

  get(labelId: number, options?: RequestOptions): ApiPromise<Label> {
    return this.core.call<Label>("getLabel", options, { label_id: labelId }, undefined, anObject);
  }

  /** Creates a label; titles are letters, digits, - and _ (stored lower-cased). */
  create(body: CreateLabelParams, options?: RequestOptions): ApiPromise<Label> {
    return this.core.call<Label>("createLabel", options, undefined, () => checkLabel(body, true), anObject);
  }

  update(labelId: number, body: UpdateLabelParams, options?: RequestOptions): ApiPromise<Label> {
    return this.core.call<Label>("updateLabel", options, { label_id: labelId }, () => checkLabel(body, false), anObject);
  }

  delete(labelId: number, options?: RequestOptions): ApiPromise<undefined> {
    return this.core.call<undefined>("deleteLabel", options, { label_id: labelId });
  }
}

const LABEL_KEYS = ["title", "description", "color", "show_on_sidebar"] as const satisfies readonly (keyof CreateLabelBody)[];
true satisfies CoversAll<CreateLabelBody, (typeof LABEL_KEYS)[number]>;

function checkLabel(body: UpdateLabelParams, titleRequired: boolean) {
  knownKeys("body", body, LABEL_KEYS);
  if ((titleRequired || body.title !== undefined) && (typeof body.title !== "string" || !TITLE.test(body.title))) {
    throw new InvalidRequestError("title", "must be letters, digits, - or _ only");
  }
  if (body.color !== undefined && (typeof body.color !== "string" || !COLOR.test(body.color))) {
    throw new InvalidRequestError("color", "must be a hex colour like #1f93ff");
  }
  return { body };
}
