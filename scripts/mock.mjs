// `npm run mock`: the stateful simulator (src/mock/, run from source through
// tsx) behind Prism's validating proxy (scripts/mock/prism-guard.mjs), or with
// --guard ajv the simulator alone with its in-process guard (what the
// package's bin runs), or with --static / --dynamic the Prism examples mode of
// before (scripts/mock/prism-examples.mjs).
const argv = process.argv.slice(2);
if (argv.includes("--static") || argv.includes("--dynamic") || argv.includes("-d")) {
  await import("./mock/prism-examples.mjs");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const cli = await import("../src/mock/cli.ts");
  let guard;
  try {
    guard = cli.parseCliOptions(argv);
  } catch {
    guard = {}; // main() reports the error
  }
  if (guard.guard === "ajv" || guard.validate === "off" || guard.help) {
    await cli.main(argv);
  } else {
    const { runWithPrismGuard } = await import("./mock/prism-guard.mjs");
    const http = await import("../src/mock/http-server.ts");
    const contract = await import("../src/mock/contract.ts");
    await runWithPrismGuard(argv, { cli, http, contract });
  }
}
