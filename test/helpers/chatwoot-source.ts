// Where the Chatwoot 4.15.1 source tree is (the spec's ground truth, read-only):
// $CHATWOOT_SOURCE, else ../shared next to the checkout, else the team's shared
// folder. A clone elsewhere (CI's clean clone) still finds it through the latter.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const chatwootSource: string | undefined = [
  process.env.CHATWOOT_SOURCE,
  path.resolve(root, "..", "shared", "chatwoot-4.15.1"),
  "/work/shared/chatwoot-4.15.1",
].find((dir): dir is string => dir !== undefined && fs.existsSync(path.join(dir, "config", "routes.rb")));
