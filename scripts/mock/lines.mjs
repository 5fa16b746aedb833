// A child process's output, line by line: Prism writes partial chunks, and both
// mock modes read its lines (startup, violations) to decide what to show.

/** Calls `onLine(line, sink)` for each complete line of the child's stdout and stderr. */
export function forEachLine(child, onLine) {
  for (const [source, sink] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let pending = "";
    source.setEncoding("utf8");
    source.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines) onLine(line, sink);
    });
  }
}
