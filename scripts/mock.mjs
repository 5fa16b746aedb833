// `npm run mock`: the stateful simulator (src/mock/, run from source through
// tsx), or with --static / --dynamic the Prism examples mode of before
// (scripts/mock/prism-examples.mjs).
const argv = process.argv.slice(2);
if (argv.includes("--static") || argv.includes("--dynamic") || argv.includes("-d")) {
  await import("./mock/prism-examples.mjs");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("../src/mock/cli.ts");
  await main(argv);
}
