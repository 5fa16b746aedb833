// scripts/openapi30.mjs: each 3.1 → 3.0 rule on small documents, the real spec's
// rendition passes `redocly lint` as OpenAPI 3.0 (with the repository's rules), and
// 3.1-only constructs that have no 3.0 form fail loudly.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { toOpenApi30, writeOpenApi30 } from "../../scripts/openapi30.mjs";
import { bin, exec, root } from "../package/helpers/package-build.js";
import { snapshotSpec } from "../package/helpers/spec-snapshot.js";

// Inside the repository, so redocly picks up redocly.yaml (recommended-strict + our rules).
const work = fs.mkdtempSync(path.join(root, ".tmp", "openapi30-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const doc = (schemas: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1", summary: "Short summary.", license: { name: "MIT", identifier: "MIT" } },
  paths: {},
  components: { schemas },
  ...extra,
});
const convert = (schemas: Record<string, unknown>, extra?: Record<string, unknown>) => toOpenApi30(doc(schemas, extra));

describe("3.1 → 3.0 rules", () => {
  it("sets the version and moves 3.1-only info fields", () => {
    const out = convert({});
    expect(out.openapi).toBe("3.0.3");
    expect(out.info.summary).toBeUndefined();
    expect(out.info.description).toBe("Short summary.");
    expect(out.info.license).toEqual({ name: "MIT", url: "https://spdx.org/licenses/MIT.html" });
  });

  it("type: [T, 'null'] → type: T, nullable: true (null added to an enum)", () => {
    const out = convert({ A: { type: ["string", "null"] }, B: { type: ["string", "null"], enum: ["x", "y"] } });
    expect(out.components.schemas.A).toEqual({ type: "string", nullable: true });
    expect(out.components.schemas.B).toEqual({ type: "string", nullable: true, enum: ["x", "y", null] });
  });

  it("several types → anyOf of one type each (each nullable when null was allowed)", () => {
    const out = convert({ A: { type: ["string", "integer"] }, B: { type: ["string", "integer", "null"] } });
    expect(out.components.schemas.A).toEqual({ anyOf: [{ type: "string" }, { type: "integer" }] });
    expect(out.components.schemas.B).toEqual({ anyOf: [{ type: "string", nullable: true }, { type: "integer", nullable: true }] });
  });

  it("anyOf [$ref, null] to a plain schema → that schema inlined with nullable (unused component dropped)", () => {
    const out = convert({
      Priority: { type: "string", enum: ["low", "high"] },
      NullablePriority: { description: "or null", anyOf: [{ $ref: "#/components/schemas/Priority" }, { type: "null" }] },
    });
    expect(out.components.schemas.NullablePriority).toEqual({ description: "or null", type: "string", enum: ["low", "high", null], nullable: true });
    expect(out.components.schemas.Priority).toBeUndefined();
  });

  it("oneOf [X, Y, null] → oneOf [X, Y, {type, nullable, enum: [null]}]", () => {
    const out = convert({
      X: { type: "object", properties: { a: { type: "string" } } },
      Y: { type: "object", properties: { b: { type: "string" } } },
      U: { oneOf: [{ $ref: "#/components/schemas/X" }, { $ref: "#/components/schemas/Y" }, { type: "null" }] },
    });
    expect(out.components.schemas.U).toEqual({
      oneOf: [{ $ref: "#/components/schemas/X" }, { $ref: "#/components/schemas/Y" }, { type: "object", nullable: true, enum: [null] }],
    });
  });

  it("a nullable copy of a schema that itself has null branches is fully converted (any component order)", () => {
    const out = convert({
      NullableMsg: { anyOf: [{ $ref: "#/components/schemas/Msg" }, { type: "null" }] },
      Msg: { type: "object", properties: { author: { anyOf: [{ $ref: "#/components/schemas/Author" }, { type: "null" }] } } },
      Author: { type: "object", properties: { name: { type: "string" } } },
      MsgList: { type: "array", items: { $ref: "#/components/schemas/Msg" } },
    });
    expect(JSON.stringify(out)).not.toContain('"type":"null"');
    expect(out.components.schemas.NullableMsg.nullable).toBe(true);
    expect(out.components.schemas.NullableMsg.properties.author).toEqual(out.components.schemas.Msg.properties.author);
    expect(out.components.schemas.Msg.properties.author).toMatchObject({ type: "object", nullable: true, properties: { name: { type: "string" } } });
  });

  it("const → enum, examples → example, numeric exclusive bounds → boolean form", () => {
    const out = convert({ A: { type: "integer", const: 3, examples: [3, 4], exclusiveMinimum: 0, exclusiveMaximum: 10 } });
    expect(out.components.schemas.A).toEqual({ type: "integer", enum: [3], example: 3, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true });
  });

  it("binary content keywords → format", () => {
    const out = convert({ A: { type: "string", contentEncoding: "base64" }, B: { type: "string", contentMediaType: "application/octet-stream" } });
    expect(out.components.schemas.A).toEqual({ type: "string", format: "byte" });
    expect(out.components.schemas.B).toEqual({ type: "string", format: "binary" });
  });

  it("$ref with siblings → allOf; description-only siblings are dropped", () => {
    const out = convert({
      X: { type: "object" },
      A: { type: "object", properties: { x: { $ref: "#/components/schemas/X", description: "d" }, y: { $ref: "#/components/schemas/X", readOnly: true } } },
    });
    expect(out.components.schemas.A.properties.x).toEqual({ $ref: "#/components/schemas/X" });
    expect(out.components.schemas.A.properties.y).toEqual({ readOnly: true, allOf: [{ $ref: "#/components/schemas/X" }] });
  });

  it("walks the document structure, not key names: a property called `const` or `examples` is left alone", () => {
    const out = convert({ A: { type: "object", properties: { const: { type: "string" }, examples: { type: ["array", "null"], items: { type: "string" } } } } });
    expect(out.components.schemas.A.properties.const).toEqual({ type: "string" });
    expect(out.components.schemas.A.properties.examples).toEqual({ type: "array", nullable: true, items: { type: "string" } });
  });

  it("converts schemas in parameters, request bodies and responses", () => {
    const out = toOpenApi30(
      doc(
        {},
        {
          paths: {
            "/x": {
              post: {
                parameters: [{ name: "q", in: "query", schema: { type: ["string", "null"] } }],
                requestBody: { content: { "application/json": { schema: { type: "object", properties: { c: { const: 1 } } } } } },
                responses: { "200": { description: "ok", content: { "application/json": { schema: { type: ["integer", "null"] } } } } },
              },
            },
          },
        },
      ),
    );
    const op = out.paths["/x"].post;
    expect(op.parameters[0].schema).toEqual({ type: "string", nullable: true });
    expect(op.requestBody.content["application/json"].schema.properties.c).toEqual({ enum: [1] });
    expect(op.responses["200"].content["application/json"].schema).toEqual({ type: "integer", nullable: true });
  });

  it("fails loudly on what 3.0 cannot express", () => {
    expect(() => convert({ A: { type: "array", prefixItems: [{ type: "string" }] } })).toThrow(/#\/components\/schemas\/A: `prefixItems`/);
    expect(() => convert({ A: { type: "null" } })).toThrow(/type 'null' alone/);
    expect(() => convert({}, { webhooks: { ping: {} }, "x-webhooks": {} })).toThrow(/x-webhooks/);
    expect(() => toOpenApi30({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {} })).toThrow(/expected an OpenAPI 3.1/);
  });

  it("webhooks → x-webhooks (converted like paths) and a note in info.description", () => {
    const out = convert(
      { A: { type: "object", properties: { event: { const: "ping" } } } },
      {
        webhooks: {
          ping: {
            post: {
              parameters: [{ name: "X-Sig", in: "header", schema: { type: ["string", "null"] } }],
              requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } } },
              responses: { "200": { description: "ok" } },
            },
          },
        },
      },
    );
    expect(out.webhooks).toBeUndefined();
    expect(out["x-webhooks"].ping.post.parameters[0].schema).toEqual({ type: "string", nullable: true });
    expect(out.components.schemas.A.properties.event).toEqual({ enum: ["ping"] });
    expect(out.info.description).toMatch(/OpenAPI 3\.0 cannot describe webhooks.*x-webhooks/s);
  });

  it("does not modify its input", () => {
    const input = doc({ A: { type: ["string", "null"] } });
    const copy = structuredClone(input);
    toOpenApi30(input);
    expect(input).toEqual(copy);
  });
});

describe("the real spec as OpenAPI 3.0", () => {
  it("converts dist/openapi.json and passes redocly lint as 3.0 with the repository rules", { timeout: 150_000 }, () => {
    const out = writeOpenApi30({ input: snapshotSpec().json, outDir: work });
    expect(out.openapi).toBe("3.0.3");
    // Nothing 3.1-only is left.
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/"type":\[/);
    expect(text).not.toMatch(/"type":"null"/);
    expect(fs.readFileSync(path.join(work, "openapi-3.0.yaml"), "utf8")).toMatch(/^openapi: 3\.0\.3$/m);

    const r = exec(bin("redocly"), ["lint", path.join(work, "openapi-3.0.yaml"), "--format=stylish", "--max-problems=200"], { cwd: root, timeout: 120_000 });
    expect(r.status, r.output).toBe(0);
    // Stylish problem lines look like "  12:5  warning  rule-id  message".
    expect(r.output.split("\n").filter((l) => /^\s*\d+:\d+\s+(warning|error)\s/.test(l))).toEqual([]);
    expect(r.output).toMatch(/Your API description is valid/);
  });

  it("redocly really lints the file as 3.0 (a 3.1 construct in it is an error)", { timeout: 150_000 }, () => {
    const bad = structuredClone(JSON.parse(fs.readFileSync(path.join(work, "openapi-3.0.json"), "utf8")));
    const first = Object.values(bad.components.schemas as Record<string, { type?: unknown }>).find((s) => s.type === "string")!;
    first.type = ["string", "null"];
    fs.writeFileSync(path.join(work, "bad-3.0.json"), JSON.stringify(bad));
    const r = exec(bin("redocly"), ["lint", path.join(work, "bad-3.0.json"), "--format=stylish"], { cwd: root, timeout: 120_000 });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/type/);
  });
});
