// chatwoot.labels: the account's label definitions (by numeric id).
import type { Core, RequestOptions } from "../core.js";
import { InvalidRequestError } from "../errors.js";
import type { CreateLabelBody, Label, UpdateLabelBody, components } from "../types.js";
import { type CoversAll, knownKeys, positiveId } from "../validate.js";

const TITLE = /^[A-Za-z0-9_-]+$/;
const COLOR = /^#[0-9A-Fa-f]{6}$/;

export class Labels {
  constructor(private readonly core: Core) {}

  /** Every label of the account, sorted by title. */
  list(options?: RequestOptions) {
    return this.core.call(
      "listLabels",
      options,
      (account_id) => ({
        exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/labels", { params: { path: { account_id } }, ...init }),
      }),
      (wire: components["schemas"]["LabelList"]): Label[] => wire.payload,
    );
  }

  get(labelId: number, options?: RequestOptions) {
    return this.core.call<Label>("getLabel", options, (account_id) => {
      const label_id = positiveId("label_id", labelId);
      return {
        exec: (init) =>
          this.core.raw.GET("/api/v1/accounts/{account_id}/labels/{label_id}", { params: { path: { account_id, label_id } }, ...init }),
      };
    });
  }

  /** Creates a label; titles are letters, digits, - and _ (stored lower-cased). */
  create(body: CreateLabelBody, options?: RequestOptions) {
    return this.core.call<Label>("createLabel", options, (account_id) => {
      checkLabelFields(body, { titleRequired: true });
      return {
        body,
        exec: (init) => this.core.raw.POST("/api/v1/accounts/{account_id}/labels", { params: { path: { account_id } }, body, ...init }),
      };
    });
  }

  update(labelId: number, body: UpdateLabelBody, options?: RequestOptions) {
    return this.core.call<Label>("updateLabel", options, (account_id) => {
      const label_id = positiveId("label_id", labelId);
      checkLabelFields(body, { titleRequired: false });
      return {
        body,
        exec: (init) =>
          this.core.raw.PATCH("/api/v1/accounts/{account_id}/labels/{label_id}", {
            params: { path: { account_id, label_id } },
            body,
            ...init,
          }),
      };
    });
  }

  delete(labelId: number, options?: RequestOptions) {
    return this.core.call<undefined>("deleteLabel", options, (account_id) => {
      const label_id = positiveId("label_id", labelId);
      return {
        exec: (init) =>
          this.core.raw.DELETE("/api/v1/accounts/{account_id}/labels/{label_id}", { params: { path: { account_id, label_id } }, ...init }),
      };
    });
  }
}

const LABEL_KEYS = ["title", "description", "color", "show_on_sidebar"] as const satisfies readonly (keyof CreateLabelBody)[];
true satisfies CoversAll<CreateLabelBody, (typeof LABEL_KEYS)[number]>;

function checkLabelFields(body: UpdateLabelBody, { titleRequired }: { titleRequired: boolean }) {
  knownKeys("body", body, LABEL_KEYS);
  if ((titleRequired || body.title !== undefined) && (typeof body.title !== "string" || !TITLE.test(body.title))) {
    throw new InvalidRequestError("title", "must be letters, digits, - or _ only");
  }
  if (body.color !== undefined && (typeof body.color !== "string" || !COLOR.test(body.color))) {
    throw new InvalidRequestError("color", "must be a hex colour like #1f93ff");
  }
}
